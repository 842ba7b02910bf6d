// Characters XML 1.0 forbids in documents (its `Char` production): C0 controls
// except tab/LF/CR, U+FFFE/U+FFFF, and UTF-16 surrogates that are not part of a
// pair. Every edition writes XML or PDF text, so none of these may reach the model.

const FORBIDDEN_SOURCE =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]' +
  '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])' +
  '|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const FORBIDDEN_TEST = new RegExp(FORBIDDEN_SOURCE);
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_SOURCE, 'g');

export function hasForbiddenXmlChars(s: string): boolean {
  return FORBIDDEN_TEST.test(s);
}

export function stripForbiddenXmlChars(s: string): string {
  return FORBIDDEN_TEST.test(s) ? s.replace(FORBIDDEN_ALL, '') : s;
}

/** The distinct forbidden characters in `s`, as `U+0007` labels, in order of appearance. */
export function forbiddenXmlCharLabels(s: string): string[] {
  const labels = new Set<string>();
  for (const m of s.matchAll(FORBIDDEN_ALL)) {
    labels.add('U+' + m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
  }
  return [...labels];
}
