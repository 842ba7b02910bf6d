// Printed page numbers: lower-case roman numerals for the front matter, arabic
// for the body — the same scheme the PDF page labels declare.

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function romanNumeral(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** Label of a physical page (1-based) given how many front-matter pages precede the body. */
export function folioLabel(page: number, frontPages: number): string {
  return page <= frontPages ? romanNumeral(page) : String(page - frontPages);
}
