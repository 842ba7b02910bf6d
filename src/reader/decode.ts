// Bytes of a manuscript file → the text the parser sees. A BOM and CRLF/CR line
// endings change nothing; invalid UTF-8 is an error that says where it is;
// characters XML cannot carry are removed (with a warning per line); the result is
// NFC so that the same words typed on different systems compare equal.

import { InputError, type Diagnostics } from '../diagnostics.js';
import { forbiddenXmlCharLabels, hasForbiddenXmlChars, stripForbiddenXmlChars } from './xml-chars.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array, file: string, diagnostics: Diagnostics): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(
      `invalid UTF-8 at byte ${offset}`,
      { file, line },
      'save the file as UTF-8 (most editors offer "Save with encoding")',
    );
  }
  // The decoder drops one leading BOM; a second would be a stray U+FEFF, which is legal text.
  text = text.replace(/\r\n?/g, '\n');
  if (hasForbiddenXmlChars(text)) text = removeForbidden(text, file, diagnostics);
  return text.normalize('NFC');
}

function removeForbidden(text: string, file: string, diagnostics: Diagnostics): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!hasForbiddenXmlChars(lines[i])) continue;
    const labels = forbiddenXmlCharLabels(lines[i]);
    diagnostics.warn(
      `removed control character${labels.length > 1 ? 's' : ''} ${labels.join(', ')} that XML does not allow`,
      { file, line: i + 1 },
    );
    lines[i] = stripForbiddenXmlChars(lines[i]);
  }
  return lines.join('\n');
}

/** Byte offset (0-based) of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (i + k >= n || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
