// Escaping for the web edition. Everything that comes from the manuscript passes
// through one of these: text content or a double-quoted attribute value.

/** C0 controls (other than tab and line ends), DEL and noncharacters: never valid in HTML. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufdd0-\ufdef\ufffe\uffff]/g;
const TEXT_SPECIAL = /[&<>]/g;
const ATTR_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeText(text: string): string {
  return text.replace(INVALID, '').replace(TEXT_SPECIAL, (c) => ENTITIES[c]);
}

export function escapeAttr(text: string): string {
  return text.replace(INVALID, '').replace(ATTR_SPECIAL, (c) => ENTITIES[c]);
}
