// The text edition of the real manuscript and of the kitchen-sink fixture, read by
// the Markdown reader.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderText } from '../../src/editions/text/index.js';
import type { Book } from '../../src/model/document.js';
import { splitWords } from '../../src/model/words.js';
import { readManuscript } from '../../src/reader/read.js';
import { codeLines, formatProblems, overlongLines } from './text-checks.js';

const ARTICLE = 'manuscript/article.md';
const KITCHEN_SINK = 'tests/fixtures/kitchen-sink/book.md';
const SEED = new URL('../fixtures/seed-article.txt', import.meta.url);

const render = (book: Book, width = 72) => renderText(book, { diagnostics: new Diagnostics(), generator: 'imprint 0.1.0', width });

/** Whether `needle`'s words occur, in order and contiguously, among `hay`'s. */
function containsWords(hay: readonly string[], needle: readonly string[]): boolean {
  const sep = '\u0000';
  return `${sep}${hay.join(sep)}${sep}`.includes(`${sep}${needle.join(sep)}${sep}`);
}

describe('text edition of manuscript/article.md', () => {
  let book: Book;
  let text: string;
  beforeAll(async () => {
    book = await readManuscript(ARTICLE, { diagnostics: new Diagnostics() });
    text = render(book);
  });

  it('contains every paragraph and heading of the seed article, word for word', () => {
    const words = splitWords(text);
    const paragraphs = readFileSync(SEED, 'utf8').split('\n').filter((l) => l.trim());
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) expect(containsWords(words, splitWords(p)), p.slice(0, 60)).toBe(true);
    // …in the seed's order.
    const joined = `\u0000${words.join('\u0000')}\u0000`;
    let at = 0;
    for (const p of paragraphs) {
      const i = joined.indexOf(`\u0000${splitWords(p).join('\u0000')}\u0000`, at);
      expect(i, p.slice(0, 60)).toBeGreaterThanOrEqual(at);
      at = i + 1;
    }
  });

  it('lists the eight section headings in its contents', () => {
    const headings = [...readFileSync(ARTICLE, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(8);
    const lines = text.split('\n');
    const start = lines.indexOf('Contents');
    expect(lines.slice(start, start + 3)).toEqual(['Contents', '========', '']);
    expect(lines.slice(start + 3, lines.indexOf('', start + 3))).toEqual(headings);
    // And each heading is set off in the text, underlined to its length.
    for (const h of headings) expect(text).toContain(`\n\n${h}\n${'='.repeat([...h].length)}\n\n`);
  });

  it('opens with the title block from the front matter', () => {
    const head = text.split('\n').slice(0, 10).map((l) => l.trim());
    expect(head[0]).toBe('Iran Rules Out Indirect Talks with the United States');
    expect(head.join(' ')).toContain('Tehran cites “logistical reasons” as hostilities rise across the Middle East');
    expect(head).toContain('Imprint News Desk');
    expect(head).toContain('November 26, 2026');
    expect(head).toContain('© 2026 Imprint Press. All rights reserved.');
  });

  for (const width of [40, 60, 72, 100]) {
    it(`keeps within ${width} columns and the file-format rules`, () => {
      const out = render(book, width);
      expect(overlongLines(out, width, codeLines(book))).toEqual([]);
      expect(formatProblems(out)).toEqual([]);
      // Never more than three blank lines in a row (the chapter break).
      expect(out).not.toMatch(/\n{5}/);
    });
  }
});

describe('text edition of the kitchen-sink fixture', () => {
  let book: Book;
  let text: string;
  beforeAll(async () => {
    book = await readManuscript(KITCHEN_SINK, { diagnostics: new Diagnostics() });
    text = render(book);
  });

  it('lists headings down to toc-depth 3', () => {
    const lines = text.split('\n');
    const start = lines.indexOf('Contents');
    expect(lines.slice(start + 3, lines.indexOf('', start + 3))).toEqual([
      'First Chapter',
      '  Lists and quotes',
      '    Third level heading',
      'Second Chapter',
      '  Code and tables',
    ]);
  });

  it('sets quotes, nested quotes, loose lists and both kinds of code block', () => {
    expect(text).toContain('\n> A quoted paragraph with a second note[2].\n>\n> > A nested quote.\n');
    expect(text).toContain('\n1. Loose item one\n\n2. Loose item two\n\n   With a second paragraph.\n');
    expect(text).toContain('\n    const x = 1 < 2 && "a";\n    console.log(x);\n\n    indented code block\n    with two lines\n');
    expect(text).toContain('\n- [x] Done task\n- [ ] Open task\n');
  });

  it('lists each note once, after the chapter that first cites it, links after their first chapter', () => {
    const second = text.indexOf('\nSecond Chapter\n==============\n');
    const [one, two] = [text.slice(0, second), text.slice(second)];
    expect(one).toContain('\n----------\n[1] The first note.\n\n[2] The second note, cited in a quote.\n\n<1> https://example.org/a?b=1&c=2\n');
    expect(two).toContain('the first again[1].');
    expect(two).not.toMatch(/^\[1\] /m);
    // Note 3's own link is listed with chapter 2's references.
    expect(two).toContain('\n----------\n[3] The third note, with `code` and a link <2>.\n\n<2> https://example.com/\n');
  });

  it('aligns the table and labels the figures', () => {
    expect(text).toContain('\nName   Count   Note\n-----  -----  -------\nAlpha      1  _first_\nBeta      22  second\n');
    expect(text).toContain('\n[Figure: A diagram]\n\n[Figure: A photograph]\n\n[Figure: A vector shape]\n');
  });

  for (const width of [20, 33, 72]) {
    it(`keeps within ${width} columns and the file-format rules`, () => {
      const out = render(book, width);
      expect(overlongLines(out, width, codeLines(book))).toEqual([]);
      expect(formatProblems(out)).toEqual([]);
    });
  }
});
