// One parse per font file per process: the PDF's typesetter and the EPUB's generated
// cover set the same Source Serif 4 files and must get the same fontkit font (a second
// parse of a face costs 15-40 ms, a good part of an article's build).

import { describe, expect, test } from 'vitest';
import { serifFontPath } from '../../src/editions/epub/fonts.js';
import { face } from '../../src/editions/pdf/typeset/faces.js';
import { openFontFile } from '../../src/fonts/open-font.js';

describe('font files are parsed once per process', () => {
  test('the cover and the typesetter share the Source Serif 4 faces both set (regular, italic)', () => {
    const pairs = [
      ['regular', 'serif-regular'],
      ['italic', 'serif-italic'],
    ] as const;
    for (const [coverFace, pdfFace] of pairs) {
      expect(openFontFile(serifFontPath(coverFace)), coverFace).toBe(face(pdfFace).font);
    }
  });

  test('a file opened twice is the same font object', () => {
    const p = serifFontPath('regular');
    expect(openFontFile(p)).toBe(openFontFile(p));
  });
});
