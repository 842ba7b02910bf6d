// Character properties that take a regular expression to find (Unicode property
// escapes are slow-ish) are worked out once per code point and kept: in a flat
// table for the Basic Multilingual Plane, where nearly all text lives, and in a
// map above it.

/** `compute` remembered per code point; its results must fit in 8 bits. */
export function memoByCodePoint(compute: (cp: number) => number): (cp: number) => number {
  const bmp = new Uint8Array(0x10000);
  const bmpKnown = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  return (cp) => {
    if (cp < 0x10000) {
      if (bmpKnown[cp]) return bmp[cp];
      const value = compute(cp);
      bmp[cp] = value;
      bmpKnown[cp] = 1;
      return value;
    }
    let value = astral.get(cp);
    if (value === undefined) {
      value = compute(cp);
      astral.set(cp, value);
    }
    return value;
  };
}
