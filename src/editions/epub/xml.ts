// Escaping for every string that reaches XHTML, OPF or NCX. Front-matter strings
// are user input like any other: a title of `A & <B> "C"` must survive intact.

// Characters XML 1.0 forbids outright (C0 controls but tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF). They cannot be escaped, only dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Soft hyphens break dictionary look-up and search in e-readers (Kobo, Kindle);
// the reading system hyphenates from `hyphens: auto` and the document language.
const SOFT_HYPHEN = /\u00AD/g;

function clean(s: string): string {
  return s.replace(FORBIDDEN, '').replace(SOFT_HYPHEN, '');
}

/** Text content of an element. */
export function esc(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value. */
export function attr(s: string): string {
  return esc(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** `name="value"` pairs for the attributes that are set, in the order given. */
export function attrs(pairs: Record<string, string | number | undefined | null | false>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${attr(String(value))}"`;
  }
  return out;
}

/**
 * `xml:lang` and `lang` (EPUB 3 XHTML wants both) on an element whose text is in
 * another language than its document, such as an English fallback label; nothing
 * when `lang` is undefined.
 */
export function langAttrs(lang: string | undefined): string {
  return attrs({ 'xml:lang': lang, lang });
}

/** A string usable as an XML ID / NCName fragment: letters, digits, `-`, `_`, `.`. */
export function idSafe(s: string): string {
  const cleaned = s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/**
 * An external URL as EPUBCheck accepts it: characters outside RFC 3986 (spaces,
 * non-ASCII) percent-encoded as UTF-8, existing escapes kept, stray `%` escaped.
 */
export function safeHref(href: string): string {
  return href
    .trim()
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gu, (run) => encodeURIComponent(run));
}
