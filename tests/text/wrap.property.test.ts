import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { displayWidth } from '../../src/editions/text/display-width.js';
import { renderText } from '../../src/editions/text/index.js';
import { wrapText } from '../../src/editions/text/wrap.js';
import type { Book } from '../../src/model/document.js';
import { sampleBook } from '../support/sample-book.js';

const shortWord = fc.stringMatching(/^[A-Za-z0-9éüßøæœ’“”—,.;:!?()-]{1,14}$/);
const longWord = fc.stringMatching(/^[a-z]{20,140}$/);
const word = fc.oneof({ arbitrary: shortWord, weight: 12 }, { arbitrary: longWord, weight: 1 });
const paragraph = fc.array(word, { minLength: 1, maxLength: 160 });
const width = fc.integer({ min: 20, max: 120 });

function checkLines(lines: readonly string[], words: readonly string[], w: number): void {
  for (const line of lines) {
    if (displayWidth(line) > w) expect(line.split(' '), `overlong line at ${w}`).toHaveLength(1);
    expect(line).not.toMatch(/^ | $|  /);
  }
  // No word lost, split, merged or reordered.
  expect(lines.join(' ').split(' ')).toEqual(words);
  // Greedy first fit: the next line's first word would not have fitted on this one.
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1].split(' ')[0];
    expect(displayWidth(lines[i]) + 1 + displayWidth(next)).toBeGreaterThan(w);
  }
}

function oneParagraphBook(words: readonly string[]): Book {
  const book = sampleBook();
  book.chapters = [{
    index: 0, id: 'ch01', title: book.meta.title, notes: [],
    blocks: [{ type: 'paragraph', id: 'b1', pos: { file: 'p.md', line: 1 }, content: [{ type: 'text', value: words.join(' ') }] }],
  }];
  book.toc = [];
  book.notes = [];
  book.links = [];
  return book;
}

describe('wrapping (property)', () => {
  it('never exceeds the width except with a single long word, and loses no word', () => {
    fc.assert(
      fc.property(paragraph, width, (words, w) => {
        checkLines(wrapText(words.join(' '), w), words, w);
      }),
      { numRuns: 400, seed: 20241126 },
    );
  });

  it('holds through the whole renderer, source line breaks and runs of spaces included', () => {
    fc.assert(
      fc.property(paragraph, width, fc.array(fc.constantFrom(' ', '  ', '\n', ' \n '), { minLength: 160, maxLength: 160 }), (words, w, seps) => {
        const book = oneParagraphBook([]);
        const value = words.map((x, i) => (i === 0 ? x : seps[i] + x)).join('');
        (book.chapters[0].blocks[0] as { content: unknown }).content = [{ type: 'text', value }];
        const text = renderText(book, { diagnostics: new Diagnostics(), generator: 'x', width: w });
        const lines = text.slice(0, -1).split('\n');
        const para = lines.slice(lines.lastIndexOf('') + 1);
        checkLines(para, words, w);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('keeps hard breaks and wraps each broken line on its own', () => {
    fc.assert(
      fc.property(paragraph, paragraph, width, (a, b, w) => {
        const lines = wrapText(`${a.join(' ')}\n${b.join(' ')}`, w);
        const split = lines.findIndex((_, i) => lines.slice(0, i + 1).join(' ').split(' ').length === a.length);
        checkLines(lines.slice(0, split + 1), a, w);
        checkLines(lines.slice(split + 1), b, w);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
