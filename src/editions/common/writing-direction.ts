// Which languages are written right to left, for every edition: the EPUB's and the
// web page's `dir`, the EPUB spine's page progression, the PDF's mirrored layout
// and its typesetter's paragraph direction must agree, or one book comes out
// mirrored in one edition and not in another. (See labels.ts for why this lives
// beside the editions and not in the model.)

/** Languages whose usual script runs right to left (by primary subtag). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Right-to-left scripts (ISO 15924): an explicit script subtag decides, as in `ku-Arab` or `sd-Deva`. */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa']);

const known = new Map<string, boolean>();

/** Is text in `lang` (a BCP 47 tag) written right to left? */
export function isRightToLeft(lang: string): boolean {
  let rtl = known.get(lang);
  if (rtl === undefined) {
    const subtags = lang.toLowerCase().split(/[-_]/);
    // The script comes before any extension (`-u-nu-arab` names digits, not the script).
    const end = subtags.findIndex((s, i) => i > 0 && s.length === 1);
    const script = subtags.slice(1, end < 0 ? undefined : end).find((s) => /^[a-z]{4}$/.test(s));
    rtl = script ? RTL_SCRIPTS.has(script) : RTL_LANGUAGES.has(subtags[0]);
    known.set(lang, rtl);
  }
  return rtl;
}
