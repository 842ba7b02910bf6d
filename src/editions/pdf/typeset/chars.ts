// Character classes the line breaker needs (a small subset of UAX #14 and #9).

/** Spaces a line may break at (collapsed to one in running text). */
export function isBreakingSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    cp === 0x09 ||
    cp === 0x0d ||
    cp === 0x0c ||
    cp === 0x0b ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a && cp !== 0x2007) ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Spaces that stretch like word spaces but never break a line. */
export function isNoBreakSpace(cp: number): boolean {
  return cp === 0xa0 || cp === 0x202f || cp === 0x2007;
}

/** Characters that are glue on a line: word spaces of either kind. */
export function isGlue(cp: number): boolean {
  return isBreakingSpace(cp) || isNoBreakSpace(cp);
}

/** Same as the model's word splitting: JavaScript's `\s` (`/\s+/u` in src/model/words.ts). */
export function isWordSeparator(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Characters that take the face of the character before them (marks, joiners, selectors). */
export function isCombining(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05c7 && cp !== 0x05be && cp !== 0x05c0 && cp !== 0x05c3 && cp !== 0x05c6) ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    isDefaultIgnorable(cp)
  );
}

/** Invisible format characters: never drawn, never warned about. */
export function isDefaultIgnorable(cp: number): boolean {
  return (
    cp === 0x034f ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Characters after which a line may break without adding a hyphen. */
export function isBreakAfterDash(cp: number): boolean {
  // hyphen-minus, hyphen, en dash, em dash, horizontal bar
  return cp === 0x2d || cp === 0x2010 || cp === 0x2013 || cp === 0x2014 || cp === 0x2015;
}

/** Any strong right-to-left character or explicit RTL control: the paragraph needs bidi. */
export function mayNeedBidi(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0590) continue;
    if (
      c <= 0x08ff ||
      (c >= 0xfb1d && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefc) ||
      c === 0x200f ||
      c === 0x202b ||
      c === 0x202e ||
      c === 0x2067 ||
      // Hebrew-block and Adlam supplementary planes (surrogates D802, D83A)
      c === 0xd802 ||
      c === 0xd83a
    )
      return true;
  }
  return false;
}

export function hex(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}
