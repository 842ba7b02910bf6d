import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderText } from '../../src/editions/text/index.js';
import { displayWidth } from '../../src/editions/text/display-width.js';
import type { Book, TocEntry } from '../../src/model/document.js';
import { sampleBook } from '../support/sample-book.js';
import { CJK, LONG_CODE, LONG_URL, LONG_WORD, stressBook } from './stress-book.js';
import { codeLines, formatProblems, overlongLines } from './text-checks.js';

const render = (book: Book, width = 72) =>
  renderText(book, { diagnostics: new Diagnostics(), generator: 'imprint 0.1.0', width });

/** The lines between the start of `from` and the next line matching `to`. */
function section(text: string, from: string, to: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(from);
  expect(start, `no line ${JSON.stringify(from)}`).toBeGreaterThanOrEqual(0);
  let end = lines.findIndex((l, i) => i > start && to.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start, end);
}

/** The contents entries: the lines after the `Contents` label up to the next blank line. */
function contentsEntries(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Contents');
  expect(lines.slice(start, start + 3)).toEqual(['Contents', '========', '']);
  const end = lines.indexOf('', start + 3);
  return lines.slice(start + 3, end);
}

function flatToc(entries: readonly TocEntry[], level = 0): string[] {
  return entries.flatMap((e) => [`${'  '.repeat(level)}${e.text}`, ...flatToc(e.children, level + 1)]);
}

describe('text edition: title block and contents', () => {
  const text = render(sampleBook());

  it('opens with a centred title block: title, subtitle, authors joined, long-form date, imprint', () => {
    const head = text.split('\n').slice(0, 10);
    expect(head.map((l) => l.trim())).toEqual([
      'A Sample & <Book>',
      '=================',
      'Every construct',
      '',
      'Ada Lovelace and Charles Babbage',
      'May 1, 2024',
      '',
      'Imprint Press',
      '© 2024 The Authors',
      '',
    ]);
    // Centred: the left margin is half the room, to the column.
    for (const line of head.filter(Boolean)) {
      const w = displayWidth(line.trim());
      expect(line.length - line.trimStart().length).toBe(Math.floor((72 - w) / 2));
    }
  });

  it('joins three or more authors with commas, in the book language', () => {
    const book = sampleBook();
    book.meta.authors = ['Ada Lovelace', 'Charles Babbage', 'Mary Somerville'];
    expect(render(book)).toContain('Ada Lovelace, Charles Babbage, and Mary Somerville');
    book.meta.lang = 'fr';
    expect(render(book)).toContain('Ada Lovelace, Charles Babbage et Mary Somerville');
    expect(render(book)).toContain('1 mai 2024');
    expect(render(book)).toContain('\nTable des matières\n==================\n');
  });

  it('lists every heading down to tocDepth, in order, indented two spaces per level', () => {
    const book = sampleBook();
    const entries = contentsEntries(text);
    expect(entries).toEqual(flatToc(book.toc));
    expect(entries).toEqual(['First Chapter', '  Lists & quotes', 'Second Chapter', '  Code and tables']);
    // The depth-3 heading is below tocDepth 2: in the text, not in the contents.
    expect(entries.join('\n')).not.toContain('A third level');
    expect(text).toContain('\nA third level\n');
  });

  it('wraps a long contents entry with a hanging indent deeper than any child', () => {
    const book = stressBook();
    const contents = contentsEntries(render(book, 40));
    const last = contents.slice(4);
    expect(last[0]).toMatch(/^Awkward cases/);
    for (const line of last.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(last.map((l) => l.trim()).join(' ')).toBe(book.toc[2].text);
  });

  it('has no contents section when the book has no headings', () => {
    const book = sampleBook();
    book.toc = [];
    expect(render(book)).not.toMatch(/^Contents$/m);
  });
});

describe('text edition: the text', () => {
  const text = render(sampleBook());

  it('underlines depth-1 headings with = and depth-2 with -, as long as the heading', () => {
    expect(text).toContain('\n\n\nFirst Chapter\n=============\n\n');
    expect(text).toContain('\n\nLists & quotes\n--------------\n\n');
    expect(text).toContain('\n\nCode and tables\n---------------\n\n');
    expect(text).toContain('\n\nA third level\n\n');
  });

  it('marks inline styles readably', () => {
    expect(text).toContain('_emphasis_');
    expect(text).toContain('*strong*');
    expect(text).toContain('~~struck~~');
    expect(text).toContain('`code <b>`');
    expect(text).toContain('H₂O');
    expect(text).toContain('mc²');
    expect(text).toContain('WHO (World Health Organization)');
    // The hard break is kept: the sentence after it starts a line.
    expect(text).toMatch(/\ncross-reference\.\nAfter a hard break: “quotes” — dashes, Ελληνικά, кириллица\.\n/);
    // A cross-reference keeps its text only.
    expect(text).not.toMatch(/cross-reference\s*[<[]/);
  });

  it('indents lists: bullets, nested ordered items from their start, tasks', () => {
    const lists = section(text, '- One', /^$/);
    expect(lists).toEqual(['- One', '- Two', '  3. Three', '  4. Four', '- [x] Done task', '- [ ] Open task']);
  });

  it('hangs list continuation lines under the item text; loose lists are spaced; numbers right-aligned', () => {
    const out = render(stressBook());
    const list = section(out, ' 8. Item 8.', /^10\./);
    expect(list).toEqual([
      ' 8. Item 8.',
      '',
      ' 9. Item 9 has two paragraphs and this first one is long enough to wrap',
      '    under the item text.',
      '',
      '    Second paragraph of the item.',
      '',
      '        code in an item',
      '            indented by a tab',
      '',
    ]);
    expect(out).toContain('\n10. Item 10.\n\n11. Item 11.\n');
  });

  it('prefixes quotes with > per level, the prefix counted in the width', () => {
    expect(text).toContain('\n> A quoted paragraph with a second note[2].\n');
    const out = render(stressBook(), 50);
    const quote = section(out, '> Outer quote with enough words in it to wrap onto', /^$/);
    expect(quote).toEqual([
      '> Outer quote with enough words in it to wrap onto',
      '> a second line at the usual width of the edition.',
      '>',
      '> > Inner quote, also long enough to wrap onto a',
      '> > second line at the usual width of the edition.',
      '> >',
      '> > - A list inside a nested quote whose item is',
      '> >   long enough to wrap under its own text.',
    ]);
  });

  it('indents code four spaces and never wraps it', () => {
    expect(text).toContain('\n\n    const x = 1 < 2 && "a";\n    console.log(x);\n\n');
    const out = render(stressBook(), 40);
    expect(out).toContain(`\n    ${LONG_CODE}\n\n      trailing spaces here\n`);
  });

  it('sets thematic breaks as a centred * * *, figures and images as bracketed labels', () => {
    expect(text).toContain(`\n${' '.repeat(33)}* * *\n`);
    expect(text).toContain('\n[Figure: A diagram]\n');
    expect(text).toContain('\n[Figure: A photograph]\n');
    const book = sampleBook();
    book.chapters[0].blocks.push({
      type: 'paragraph', id: 'x1', pos: { file: 'x.md', line: 1 }, content: [
        { type: 'text', value: 'Inline ' },
        { type: 'image', resource: 'img-png0000001', alt: 'a tiny icon', pos: { file: 'x.md', line: 1 } },
        { type: 'text', value: ' and ' },
        { type: 'image', resource: 'img-png0000001', alt: '', pos: { file: 'x.md', line: 1 } },
      ],
    });
    expect(render(book)).toContain('\nInline [Image: a tiny icon] and [Image]\n');
  });

  it('aligns table columns by display width and respects alignment', () => {
    const table = section(text, 'Name   Count   Note', /^$/);
    expect(table).toEqual([
      'Name   Count   Note',
      '-----  -----  -------',
      'Alpha      1  _first_',
      'Beta      22  second',
    ]);
  });

  it('wraps a too-wide table inside its columns, padding CJK by display width', () => {
    const out = render(stressBook());
    const table = section(out, 'Term              Amount  Description', /^Unbreakable/);
    expect(table.slice(0, 2)).toEqual([
      'Term              Amount  Description',
      '----------------  ------  ----------------------------------------------',
    ]);
    // Every row lines up: the Description column starts at the same column everywhere.
    const start = displayWidth('Term              Amount  ');
    for (const line of table.slice(2).filter(Boolean)) {
      const chars = [...line];
      let col = 0;
      let i = 0;
      while (col < start && i < chars.length) col += displayWidth(chars[i++]);
      expect(col, line).toBe(start);
      expect(chars[i - 1], line).toBe(' ');
      expect(chars[i], line).not.toBe(' ');
    }
    expect(table).toContain('漢字                   3  Wide characters must be padded by display');
    for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(72);
  });

  it('sets a table whose words cannot fit side by side as one record per row', () => {
    const out = render(stressBook());
    expect(out).toContain(`\nUnbreakable: ${LONG_WORD.slice(0, 30)}\nColumns: ${LONG_WORD.slice(30, 60)}\n`);
    expect(out).toContain('\nHere: x\n');
  });

  it('breaks CJK text between characters, never before closing punctuation', () => {
    const out = render(stressBook(), 40);
    const lines = section(out, out.split('\n').find((l) => l.startsWith('日本語'))!, /^$/);
    expect(lines.join('')).toBe(CJK);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/^[、。」]/);
      expect(line).not.toMatch(/「$/);
    }
  });
});

describe('text edition: notes and links', () => {
  it('marks notes [n] in the text and lists them after the chapter that first cites them', () => {
    const book = stressBook();
    const text = render(book);
    const lines = text.split('\n');
    // Chapter headings: the (last) line above a run of `=`, not centred, not the contents label.
    const starts = lines.flatMap((l, i) => (/^=+$/.test(lines[i + 1] ?? '') && !l.startsWith(' ') && l !== 'Contents' ? [i] : []));
    expect(starts).toHaveLength(book.chapters.length);
    book.chapters.forEach((chapter, c) => {
      const region = lines.slice(starts[c], starts[c + 1] ?? lines.length);
      const rule = region.indexOf('----------');
      expect(rule, `chapter ${c} has a notes rule`).toBeGreaterThan(0);
      const body = region.slice(0, rule).join('\n');
      const notes = region.slice(rule + 1);
      for (const n of chapter.notes) {
        expect(body).toContain(`[${n}]`);
        const first = notes.find((l) => l.startsWith(`[${n}] `));
        expect(first, `note ${n} listed after chapter ${c}`).toBeDefined();
      }
    });
    expect(text).toContain('\n----------\n[1] The first note.\n\n[2] The second note, cited in a quote.\n\n<1> https://example.org/a?b=1&c=2\n');
    expect(text).toContain('\n----------\n[3] The third note.\n');
  });

  it('hangs multi-block notes under the note text', () => {
    const text = render(stressBook());
    expect(text).toContain(
      '\n[4] A note with a first paragraph long enough to wrap, and a link <3>.\n\n        note code\n\n    And a closing paragraph.\n',
    );
  });

  it('numbers external links <n> and lists each after the first chapter citing it', () => {
    const text = render(stressBook());
    expect(text).toContain('a link <1> and');
    expect(text).toContain('the long address <2> and the first link again <1>,');
    expect(text.match(/^<1> https:\/\/example\.org\/a\?b=1&c=2$/gm)).toHaveLength(1);
    // Chapter 3 lists its new links (2, and 3 from its note), not link 1 again.
    expect(text).toContain(`\n<2> ${LONG_URL}\n<3> https://example.com/note\n`);
  });

  it('never starts a line with a link mark', () => {
    for (const width of [20, 25, 30, 33, 41, 57]) {
      const text = render(stressBook(), width);
      for (const line of text.split('\n')) {
        if (/^<\d+> /.test(line)) continue; // the reference list itself
        expect(line, `width ${width}`).not.toMatch(/^\s*<\d+>/);
      }
    }
  });
});

describe('text edition: file format', () => {
  for (const width of [20, 30, 40, 50, 72, 100]) {
    it(`keeps every line within ${width} columns except unbreakable words and code`, () => {
      for (const book of [sampleBook(), stressBook()]) {
        const text = render(book, width);
        expect(overlongLines(text, width, codeLines(book))).toEqual([]);
        expect(formatProblems(text)).toEqual([]);
      }
    });
  }

  it('really does let unbreakable words and code run past the width (and nothing else)', () => {
    const book = stressBook();
    const text = render(book, 40);
    const over = text.split('\n').filter((l) => displayWidth(l) > 40);
    expect(over).toContain(LONG_WORD + ',');
    expect(over).toContain(`    ${LONG_CODE}`);
    expect(over).toContain(`<2> ${LONG_URL}`);
  });

  it('defaults to 72 columns', () => {
    const book = stressBook();
    const text = renderText(book, { diagnostics: new Diagnostics(), generator: 'x', width: Number.NaN });
    expect(text).toBe(render(book, 72));
  });

  it('is deterministic', () => {
    expect(render(stressBook())).toBe(render(stressBook()));
  });

  it('measures display width by grapheme: wide 2, combining 0', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('ＡＢＣ')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('👩‍👩‍👧')).toBe(2);
    expect(displayWidth('🎉')).toBe(2);
    expect(displayWidth('“quotes” — Ελληνικά')).toBe(19);
    expect(displayWidth('\u00ad\u200b')).toBe(0);
  });
});

describe('text edition: many notes', () => {
  it('hangs every note of a chapter at the widest label, within the width', () => {
    const book = sampleBook();
    const pos = { file: 'x.md', line: 1 };
    const refs = Array.from({ length: 12 }, (_, i) => i + 1);
    book.chapters = [{ index: 0, id: 'ch01', title: 'T', notes: refs, blocks: [{ type: 'paragraph', id: 'p1', pos, content: refs.flatMap((n) => [{ type: 'text' as const, value: ` word${n}` }, { type: 'noteref' as const, number: n }]) }] }];
    book.toc = [];
    book.links = [];
    book.notes = refs.map((n) => ({
      number: n, id: `fn-${n}`, refId: `fnref-${n}`, chapter: 0, pos,
      children: [{ type: 'paragraph', id: `n${n}`, pos, content: [{ type: 'text', value: 'Note text that is long enough to wrap at a narrow width, twice over at least.' }] }],
    }));
    for (const width of [24, 30, 41]) {
      const text = render(book, width);
      expect(overlongLines(text, width, new Set())).toEqual([]);
      expect(text).toMatch(/\n\[9\]  Note text/);
      expect(text).toMatch(/\n\[10\] Note text/);
      for (const line of text.split('\n').slice(text.split('\n').indexOf('----------'))) {
        if (line && !line.startsWith('[') && !line.startsWith('-')) expect(line).toMatch(/^ {5}\S/);
      }
    }
  });
});
