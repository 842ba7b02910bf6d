// Spans carry the word index the EPUB will look for: checked against the shared
// definition (`splitWords(plainText(...))`) on generated inline trees.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Inline } from '../../src/model/document.js';
import { plainText, splitWords } from '../../src/model/words.js';
import { inlineSpans } from '../../src/editions/pdf/spans.js';
import { romanNumeral, folioLabel } from '../../src/editions/pdf/folio.js';
import { escapeXml } from '../../src/editions/pdf/metadata.js';

const base = { family: 'serif' as const, bold: false, italic: false, size: 10 };

const text = fc.stringMatching(/^[a-zé ΑΩ\n\t\u00a0\u2009.,-]{0,12}$/).map((value): Inline => ({ type: 'text', value }));
const leaf: fc.Arbitrary<Inline> = fc.oneof(
  text,
  text,
  fc.constant<Inline>({ type: 'break' }),
  fc.integer({ min: 1, max: 9 }).map((number): Inline => ({ type: 'noteref', number })),
  fc.stringMatching(/^[a-z <>]{0,6}$/).map((value): Inline => ({ type: 'code', value })),
);
const inline: fc.Arbitrary<Inline> = fc.letrec<{ node: Inline }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.record({ type: fc.constantFrom('emphasis', 'strong', 'subscript', 'superscript', 'strikethrough'), children: fc.array(tie('node'), { maxLength: 3 }) }) as fc.Arbitrary<Inline>,
    fc.array(tie('node'), { maxLength: 3 }).map((children): Inline => ({ type: 'link', href: 'https://example.org/', children })),
  ),
})).node;

/** Index of the word (in splitWords order) holding the character at `offset` of `text`. */
function wordAt(text: string, offset: number): number {
  return splitWords(text.slice(0, offset + 1)).length - 1;
}

describe('PDF spans', () => {
  it('give every span the index of the word holding its first non-space character', () => {
    fc.assert(
      fc.property(fc.array(inline, { maxLength: 8 }), (inlines) => {
        const plain = plainText(inlines);
        // Rebuild the plain text from the spans (hard breaks become newlines) and check indices.
        let rebuilt = '';
        const segments = inlineSpans(inlines, base, { blockId: 'b1' });
        segments.forEach((spans, k) => {
          if (k > 0) rebuilt += '\n';
          for (const span of spans) {
            if (span.noteRef !== undefined) {
              expect(span.source).toBeUndefined();
              continue;
            }
            const first = span.text.search(/\S/u);
            if (first >= 0) expect(span.source?.word).toBe(wordAt(rebuilt + span.text, rebuilt.length + first));
            rebuilt += span.text;
          }
        });
        expect(splitWords(rebuilt)).toEqual(splitWords(plain));
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('mark note references as superscript links to their note', () => {
    const [spans] = inlineSpans([{ type: 'text', value: 'a note' }, { type: 'noteref', number: 3 }, { type: 'text', value: ' here' }], base, { blockId: 'b9' });
    expect(spans.map((s) => s.text)).toEqual(['a note', '3', ' here']);
    expect(spans[1]).toMatchObject({ noteRef: 3, link: '#fn-3', style: { baselineShift: 'super' } });
    expect(spans[2].source).toEqual({ blockId: 'b9', word: 2 });
  });

  it('split at hard breaks and link internal references by slug', () => {
    const segs = inlineSpans([
      { type: 'link', href: '#x', internal: 'x', children: [{ type: 'text', value: 'see' }] },
      { type: 'break' },
      { type: 'text', value: 'next' },
    ], base, { blockId: 'b1' });
    expect(segs).toHaveLength(2);
    expect(segs[0][0].link).toBe('#x');
    expect(segs[1][0].source?.word).toBe(1);
  });
});

describe('PDF folios and metadata helpers', () => {
  it('number the front matter in lower-case roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 90, 1999].map(romanNumeral)).toEqual(['i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl', 'xc', 'mcmxcix']);
    expect([1, 4, 5, 6].map((p) => folioLabel(p, 4))).toEqual(['i', 'iv', '1', '2']);
  });

  it('escape XML special characters for the XMP packet', () => {
    expect(escapeXml('A & <B> "c"')).toBe('A &amp; &lt;B&gt; &quot;c&quot;');
  });
});
