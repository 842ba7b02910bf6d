// Markdown → model: headings and slugs, chapters, links, notes, tables, lists.

import { describe, expect, it } from 'vitest';
import type { HeadingBlock, ListBlock, ParagraphBlock, TableBlock } from '../../src/model/document.js';
import { plainText } from '../../src/model/words.js';
import { allBlocks, fm, readText, Scratch } from './helpers.js';

const FM = 'title: T\ndate: 2024-01-01';
const L = 6;

async function read(md: string) {
  const r = await readText(fm(FM, md));
  const blocks = allBlocks(r.book);
  return { ...r, blocks, headings: blocks.filter((b): b is HeadingBlock => b.type === 'heading') };
}

const para = (b: unknown) => plainText((b as ParagraphBlock).content);

describe('headings', () => {
  it('gives depth relative to the top level present and GitHub-style unique slugs', async () => {
    const { headings, book } = await read(
      '## Intro\n\n### Café & Crème!\n\n### Café & Crème!\n\n## Ελληνικά 日本語\n\n#### Skip a level\n\n## ???\n\n## Intro\n\n## fn-1\n\n## `code` *em* [link](https://x.org)\n',
    );
    expect(headings.map((h) => [h.level, h.depth, h.slug, h.text])).toEqual([
      [2, 1, 'intro', 'Intro'],
      [3, 2, 'café--crème', 'Café & Crème!'],
      [3, 2, 'café--crème-1', 'Café & Crème!'],
      [2, 1, 'ελληνικά-日本語', 'Ελληνικά 日本語'],
      [4, 3, 'skip-a-level', 'Skip a level'],
      [2, 1, 'section', '???'],
      [2, 1, 'intro-1', 'Intro'],
      // Ids the editions use themselves are never handed out.
      [2, 1, 'section-fn-1', 'fn-1'],
      [2, 1, 'code-em-link', 'code em link'],
    ]);
    expect(book.chapters.map((c) => c.title)).toEqual(['Intro', 'Ελληνικά 日本語', '???', 'Intro', 'fn-1', 'code em link']);
    // A depth jump nests under the nearest shallower entry; toc-depth 2 leaves out depth 3.
    expect(book.toc.map((e) => [e.slug, e.children.map((c) => c.slug)])).toEqual([
      ['intro', ['café--crème', 'café--crème-1']],
      ['ελληνικά-日本語', []],
      ['section', []],
      ['intro-1', []],
      ['section-fn-1', []],
      ['code-em-link', []],
    ]);
  });

  it('nests a contents entry under the nearest shallower one', async () => {
    const { book } = await readText(fm('title: T\ndate: 2024-01-01\ntoc-depth: 6', '# A\n\n### A.c\n\n## A.b\n\n#### A.b.d\n\n# B\n'));
    const shape = (es: typeof book.toc): unknown => es.map((e) => [e.text, e.depth, shape(e.children)]);
    expect(shape(book.toc)).toEqual([
      ['A', 1, [['A.c', 3, []], ['A.b', 2, [['A.b.d', 4, []]]]]],
      ['B', 1, []],
    ]);
  });

  it('makes one chapter of a book without headings, titled after the book', async () => {
    const { book } = await read('Just text.\n\nMore text.\n');
    expect(book.chapters.map((c) => [c.id, c.title, c.heading, c.blocks.length])).toEqual([['ch01', 'T', undefined, 2]]);
    expect(book.toc).toEqual([]);
  });

  it('does not start chapters at headings inside quotes or lists', async () => {
    const { book } = await read('# One\n\n> # Quoted\n\n- # Listed\n\n# Two\n');
    expect(book.chapters.map((c) => c.title)).toEqual(['One', 'Two']);
    expect(book.toc.map((e) => e.text)).toEqual(['One', 'Two']);
  });
});

describe('links', () => {
  it('numbers external links by first appearance, de-duplicated', async () => {
    const { book, messages } = await read(
      '[a](https://a.org/) [b](http://b.org/x?y=1) [a again](https://a.org/) <https://auto.org> www.gfm.org [m](mailto:x@y.org) x@y.org\n',
    );
    expect(messages).toEqual([]);
    expect(book.links.map((l) => [l.number, l.href])).toEqual([
      [1, 'https://a.org/'], [2, 'http://b.org/x?y=1'], [3, 'https://auto.org'], [4, 'http://www.gfm.org'], [5, 'mailto:x@y.org'],
    ]);
    const links = (book.chapters[0].blocks[0] as ParagraphBlock).content.filter((i) => i.type === 'link');
    expect(links.map((l) => l.type === 'link' && l.refNumber)).toEqual([1, 2, 1, 3, 4, 5, 5]);
  });

  it('resolves #fragments to headings, and warns about unknown ones', async () => {
    const { blocks, messages } = await read('# Target Heading\n\nSee [here](#target-heading), [later](#later) and [nowhere](#nowhere).\n\n## Later\n');
    expect((blocks[1] as ParagraphBlock).content).toEqual([
      { type: 'text', value: 'See ' },
      { type: 'link', href: '#target-heading', internal: 'target-heading', children: [{ type: 'text', value: 'here' }] },
      { type: 'text', value: ', ' },
      { type: 'link', href: '#later', internal: 'later', children: [{ type: 'text', value: 'later' }] },
      { type: 'text', value: ' and nowhere.' },
    ]);
    expect(messages).toEqual([`manuscript/book.md:${L + 2}: link to "#nowhere" matches no heading; kept its text`]);
  });

  it('resolves links to other manuscript files, by the slugs GitHub gives in each file', async () => {
    const s = new Scratch({
      'manuscript/01-a.md': fm(FM, '# Intro\n\nSee [b’s intro](02-b.md#intro), [b](./02-b.md), [self](01-a.md#intro) and [c](03-c.md).\n'),
      'manuscript/02-b.md': '# Intro\n\nText.\n',
    });
    const { book, messages } = await s.read('manuscript');
    expect(book.chapters.map((c) => c.heading?.slug)).toEqual(['intro', 'intro-1']);
    const links = (book.chapters[0].blocks[1] as ParagraphBlock).content.filter((i) => i.type === 'link');
    expect(links.map((l) => l.type === 'link' && l.internal)).toEqual(['intro-1', 'intro-1', 'intro']);
    expect(messages).toEqual(['manuscript/01-a.md:8: link to "03-c.md" is neither a web address nor a heading in this book; kept its text']);
  });

  it('resolves reference-style links and images', async () => {
    const { blocks, book } = await read('A [ref][r] and [Shortcut].\n\n[r]: https://r.org/ "Title"\n[shortcut]: #t\n\n# T\n');
    expect((blocks[0] as ParagraphBlock).content).toMatchObject([
      { type: 'text', value: 'A ' },
      { type: 'link', href: 'https://r.org/', title: 'Title', refNumber: 1 },
      { type: 'text', value: ' and ' },
      { type: 'link', href: '#t', internal: 't' },
      { type: 'text', value: '.' },
    ]);
    expect(book.links).toEqual([{ number: 1, href: 'https://r.org/' }]);
  });
});

describe('footnotes', () => {
  it('numbers notes by first reference across the book, with labels per file', async () => {
    const s = new Scratch({
      'manuscript/1.md': fm(FM, '# One\n\nB[^b] then A[^a].\n\n[^a]: Note a.\n[^b]: Note b[^c].\n[^c]: Note c, cited from b.\n[^z]: Never cited.\n'),
      'manuscript/2.md': '# Two\n\nAgain[^a] and [^x].\n\n[^a]: The second file’s own a.\n',
    });
    const { book, messages } = await s.read('manuscript');
    expect(book.notes.map((n) => [n.number, n.chapter, para(n.children[0])])).toEqual([
      // A note cited inside a note is numbered where that note is first cited.
      [1, 0, 'Note b.'],
      [2, 0, 'Note c, cited from b.'],
      [3, 0, 'Note a.'],
      [4, 1, 'The second file’s own a.'],
    ]);
    expect(book.chapters.map((c) => c.notes)).toEqual([[1, 2, 3], [4]]);
    expect(para(book.chapters[1].blocks[1])).toBe('Again and [^x].');
    expect(messages).toEqual([
      'manuscript/2.md:3: footnote "[^x]" is not defined; kept as text',
      'manuscript/1.md:13: footnote "[^z]" is never cited; left out',
    ]);
  });

  it('gives notes\' blocks ids after the main text, in order', async () => {
    const { book } = await read('# H\n\nA[^1].\n\n[^1]: First.\n\n        With code.\n');
    expect(book.notes[0].children.map((b) => [b.type, b.id])).toEqual([['paragraph', 'b3'], ['code', 'b4']]);
    expect(book.notes[0].pos).toEqual({ file: 'manuscript/book.md', line: L + 4 });
  });
});

describe('blocks', () => {
  it('pads table rows to the column count', async () => {
    const { blocks } = await read('| a | b | c |\n|:-|:-:|-:|\n| 1 |\n| 1 | 2 | 3 |\n');
    const t = blocks[0] as TableBlock;
    expect(t.align).toEqual(['left', 'center', 'right']);
    expect(t.rows.map((r) => r.map((c) => plainText(c)))).toEqual([['1', '', ''], ['1', '2', '3']]);
  });

  it('reads nested lists with start numbers, tightness and tasks', async () => {
    const { blocks } = await read('3. three\n4. four\n   - [ ] open\n   - [x] done\n\n- loose\n\n- list\n');
    const lists = blocks.filter((b): b is ListBlock => b.type === 'list');
    expect(lists.map((l) => [l.ordered, l.start, l.tight, l.items.map((i) => i.checked)])).toEqual([
      [true, 3, true, [null, null]],
      [false, 1, true, [false, true]],
      [false, 1, false, [null, null]],
    ]);
  });

  it('turns soft line breaks into spaces and keeps hard breaks', async () => {
    const { blocks } = await read('one\ntwo  \nthree\\\nfour\n');
    expect((blocks[0] as ParagraphBlock).content).toEqual([
      { type: 'text', value: 'one two' }, { type: 'break' }, { type: 'text', value: 'three' }, { type: 'break' }, { type: 'text', value: 'four' },
    ]);
  });

  it('positions blocks at their file line, front matter included', async () => {
    const { blocks } = await read('# H\n\n> q\n>\n> > deep\n\n```\ncode\n```\n\n---\n');
    expect(blocks.map((b) => [b.type, b.pos.line])).toEqual([
      ['heading', L], ['blockquote', L + 2], ['paragraph', L + 2], ['blockquote', L + 4], ['paragraph', L + 4], ['code', L + 6], ['thematicBreak', L + 10],
    ]);
  });
});
