// The reader on the real manuscript and the shared fixtures: structure and content.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HeadingBlock, ParagraphBlock } from '../../src/model/document.js';
import { plainText } from '../../src/model/words.js';
import { allBlocks, allInlines, FIXTURES, readWith, ROOT } from './helpers.js';

describe('manuscript/article.md', () => {
  it('has 8 ## headings at depth 1 and 15 paragraphs, word for word the seed text', async () => {
    const { book, warnings } = await readWith('manuscript/article.md');
    expect(warnings).toEqual([]);
    const blocks = allBlocks(book);
    const headings = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
    const paragraphs = blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
    expect(headings).toHaveLength(8);
    expect(headings.every((h) => h.level === 2 && h.depth === 1)).toBe(true);
    expect(paragraphs).toHaveLength(15);
    expect(blocks).toHaveLength(23);

    const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const texts = blocks.map((b) => (b.type === 'heading' ? b.text : plainText((b as ParagraphBlock).content)));
    expect(texts).toEqual(seed);
  });

  it('reads the metadata and derives the rest deterministically', async () => {
    const { book } = await readWith('manuscript/article.md');
    const m = book.meta;
    expect(m.title).toBe('Iran Rules Out Indirect Talks with the United States');
    expect(m.subtitle).toBe('Tehran cites “logistical reasons” as hostilities rise across the Middle East');
    expect(m.authors).toEqual(['Imprint News Desk']);
    expect(m.date).toBe('2026-11-26');
    expect(m.buildDate.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(m.lang).toBe('en');
    expect(m.publisher).toBe('Imprint Press');
    expect(m.rights).toBe('© 2026 Imprint Press. All rights reserved.');
    expect(m.description).toMatch(/^A news analysis of Iran’s refusal .* further escalation\.$/);
    expect(m.keywords).toEqual(['Iran', 'United States', 'Israel', 'diplomacy', 'Middle East']);
    expect(m.identifier.scheme).toBe('uuid');
    expect(m.identifier.value).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(m.slug).toBe('article');
    expect(m.tocDepth).toBe(2);
    expect(m.pdf).toEqual({ size: { name: 'A4', width: 595.28, height: 841.89 }, binding: false });
    expect(m.epub).toEqual({ fonts: false });
    expect(book.root).toBe(path.join(ROOT, 'manuscript'));
    expect(book.sources).toEqual([{ file: 'manuscript/article.md', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('splits chapters at the ## headings, the opening text in a chapter of its own', async () => {
    const { book } = await readWith('manuscript/article.md');
    expect(book.chapters.map((c) => c.id)).toEqual(['ch01', 'ch02', 'ch03', 'ch04', 'ch05', 'ch06', 'ch07', 'ch08', 'ch09']);
    expect(book.chapters[0].heading).toBeUndefined();
    expect(book.chapters[0].title).toBe(book.meta.title);
    expect(book.chapters[0].blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(book.chapters[1].heading?.slug).toBe('diplomatic-context-and-breakdown-of-dialogue');
    expect(book.chapters[2].heading?.slug).toBe('irans-axis-of-resistance-strategy');
    expect(book.chapters[7].heading?.slug).toBe('outlook-risks-of-further-escalation');
    for (const c of book.chapters.slice(1)) expect(c.blocks[0]).toBe(c.heading);
    expect(book.toc.map((e) => [e.text, e.depth, e.chapter, e.children.length])).toEqual(
      book.chapters.slice(1).map((c) => [c.title, 1, c.index, 0]),
    );
    // Block ids run b1…b23 in reading order; positions are file lines, front matter included.
    expect(allBlocks(book).map((b) => b.id)).toEqual(Array.from({ length: 23 }, (_, i) => `b${i + 1}`));
    expect(book.chapters[0].blocks[0].pos).toEqual({ file: 'manuscript/article.md', line: 16 });
    expect(book.chapters[1].blocks[0].pos.line).toBe(20);
  });

  it('is the same Book on every read', async () => {
    const a = await readWith('manuscript/article.md');
    const b = await readWith('manuscript/article.md');
    expect(JSON.stringify(b.book)).toBe(JSON.stringify(a.book));
  });
});

describe('kitchen sink', () => {
  const file = 'tests/fixtures/kitchen-sink/book.md';

  it('reads every construct into the model', async () => {
    const { book, warnings } = await readWith(file);
    expect(warnings).toEqual([]);
    expect(book.meta.title).toBe('Kitchen Sink & <Everything>');
    expect(book.meta.authors).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(book.meta.tocDepth).toBe(3);
    expect(book.chapters.map((c) => c.title)).toEqual(['First Chapter', 'Second Chapter']);

    const [p] = book.chapters[0].blocks.filter((b) => b.type === 'paragraph') as ParagraphBlock[];
    const types = p.content.map((i) => i.type);
    expect(types).toEqual([
      'text', 'emphasis', 'text', 'strong', 'text', 'strikethrough', 'text', 'code', 'text', 'subscript', 'text',
      'superscript', 'text', 'abbr', 'text', 'noteref', 'text', 'link', 'text', 'link', 'text', 'break', 'text',
    ]);
    expect(p.content[7]).toEqual({ type: 'code', value: 'code <b>' });
    expect(p.content[13]).toEqual({ type: 'abbr', title: 'World Health Organization', children: [{ type: 'text', value: 'WHO' }] });
    expect(p.content[17]).toEqual({
      type: 'link', href: 'https://example.org/a?b=1&c=2', title: 'Example', refNumber: 1, children: [{ type: 'text', value: 'link' }],
    });
    expect(p.content[19]).toEqual({
      type: 'link', href: '#lists-and-quotes', internal: 'lists-and-quotes', children: [{ type: 'text', value: 'cross-reference' }],
    });
    expect(plainText(p.content)).toContain('After a hard break: “quotes” — dashes, Ελληνικά, кириллица.');

    const blocks = allBlocks(book);
    const headings = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
    expect(headings.map((h) => [h.level, h.depth, h.slug])).toEqual([
      [1, 1, 'first-chapter'], [2, 2, 'lists-and-quotes'], [3, 3, 'third-level-heading'], [4, 4, 'fourth-level'],
      [5, 5, 'fifth-level'], [6, 6, 'sixth-level'], [1, 1, 'second-chapter'], [2, 2, 'code-and-tables'],
    ]);
    // toc-depth 3: the 4th–6th levels stay out of the contents.
    expect(book.toc.map((e) => [e.slug, e.children.map((c) => [c.slug, c.children.map((d) => d.slug)])])).toEqual([
      ['first-chapter', [['lists-and-quotes', ['third-level-heading']]]],
      ['second-chapter', [['code-and-tables', []]]],
    ]);

    const lists = blocks.filter((b) => b.type === 'list');
    expect(lists.map((l) => l.type === 'list' && [l.ordered, l.start, l.tight, l.items.map((i) => i.checked)])).toEqual([
      [false, 1, true, [null, null, true, false]],
      [true, 3, true, [null, null]],
      [true, 1, false, [null, null]],
    ]);
    const quotes = blocks.filter((b) => b.type === 'blockquote');
    expect(quotes).toHaveLength(2);
    expect(blocks.filter((b) => b.type === 'thematicBreak')).toHaveLength(1);

    const code = blocks.filter((b) => b.type === 'code');
    expect(code.map((c) => c.type === 'code' && [c.lang, c.value])).toEqual([
      ['js', 'const x = 1 < 2 && "a";\nconsole.log(x);'],
      [undefined, 'indented code block\nwith two lines'],
    ]);
    const table = blocks.find((b) => b.type === 'table');
    expect(table).toMatchObject({
      align: ['left', 'right', 'center'],
      head: [[{ type: 'text', value: 'Name' }], [{ type: 'text', value: 'Count' }], [{ type: 'text', value: 'Note' }]],
    });
    expect(table?.type === 'table' && table.rows.map((r) => r.map((c) => plainText(c)))).toEqual([['Alpha', '1', 'first'], ['Beta', '22', 'second']]);

    // Raw HTML: the handler is gone, the text stays, <kbd> is code.
    const html = blocks.find((b) => b.type === 'paragraph' && plainText(b.content).startsWith('Some inline html'));
    expect(html).toMatchObject({ content: [{ type: 'text', value: 'Some inline html and ' }, { type: 'code', value: 'Ctrl' }, { type: 'text', value: ' keys.' }] });
  });

  it('makes figures of lone images, with sizes sniffed from the bytes', async () => {
    const { book } = await readWith(file);
    const figures = allBlocks(book).filter((b) => b.type === 'figure');
    expect(figures.map((f) => f.type === 'figure' && [f.image.alt, f.image.title, plainText(f.caption)])).toEqual([
      ['A small diagram', 'A diagram', 'A diagram'],
      ['A photograph', undefined, 'A photograph'],
      ['A vector shape', undefined, 'A vector shape'],
    ]);
    expect(book.resources.map((r) => [r.mediaType, r.width, r.height, r.fileName.replace(/^img-[0-9a-f]{10}/, 'ID')])).toEqual([
      ['image/png', 64, 48, 'ID.png'],
      ['image/jpeg', 64, 48, 'ID.jpg'],
      ['image/svg+xml', 120, 80, 'ID.svg'],
    ]);
    for (const [k, f] of figures.entries()) expect(f.type === 'figure' && f.image.resource).toBe(book.resources[k].id);
    expect(book.resources[0].data.equals(readFileSync(path.join(FIXTURES, 'kitchen-sink/diagram.png')))).toBe(true);
    expect(book.resources[0].path).toBe(path.join(FIXTURES, 'kitchen-sink/diagram.png'));
  });

  it('numbers notes by first citation and files them with the citing chapter', async () => {
    const { book } = await readWith(file);
    expect(book.notes.map((n) => [n.number, n.id, n.refId, n.chapter, plainText((n.children[0] as ParagraphBlock).content)])).toEqual([
      [1, 'fn-1', 'fnref-1', 0, 'The first note.'],
      [2, 'fn-2', 'fnref-2', 0, 'The second note, cited in a quote.'],
      [3, 'fn-3', 'fnref-3', 1, 'The third note, with code and a link.'],
    ]);
    expect(book.chapters.map((c) => c.notes)).toEqual([[1, 2], [3]]);
    const refs = allInlines(allBlocks(book)).filter((i) => i.type === 'noteref');
    expect(refs.map((r) => r.type === 'noteref' && r.number)).toEqual([1, 2, 3, 1]);
    expect(book.links).toEqual([
      { number: 1, href: 'https://example.org/a?b=1&c=2' },
      { number: 2, href: 'https://example.com/' },
    ]);
    // Notes' blocks have ids after the main text's, still in sequence.
    const ids = allBlocks(book).map((b) => Number(b.id.slice(1)));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });
});

describe('folder book', () => {
  it('reads the files in natural order, front matter from the first', async () => {
    const { book, warnings } = await readWith('tests/fixtures/folder-book');
    expect(warnings).toEqual([]);
    expect(book.sources.map((s) => s.file)).toEqual([
      'tests/fixtures/folder-book/1-opening.md',
      'tests/fixtures/folder-book/2-middle.md',
      'tests/fixtures/folder-book/10-end.md',
    ]);
    expect(book.chapters.map((c) => [c.id, c.title, c.blocks[0].pos.file])).toEqual([
      ['ch01', 'Opening', 'tests/fixtures/folder-book/1-opening.md'],
      ['ch02', 'Middle', 'tests/fixtures/folder-book/2-middle.md'],
      ['ch03', 'End', 'tests/fixtures/folder-book/10-end.md'],
    ]);
    expect(book.meta).toMatchObject({ title: 'A Folder Book', authors: ['Folder Author'], date: '2023-01-15', lang: 'en-GB', slug: 'folder-book' });
    expect(book.notes.map((n) => [n.number, n.chapter, n.pos])).toEqual([[1, 2, { file: 'tests/fixtures/folder-book/10-end.md', line: 5 }]]);
    expect(book.chapters[0].blocks[0].pos.line).toBe(8);
    expect(book.root).toBe(path.join(FIXTURES, 'folder-book'));
  });
});

describe('no front matter', () => {
  it('takes the title from the first heading and the slug from the file name', async () => {
    const { book, messages } = await readWith('tests/fixtures/no-front-matter.md');
    expect(book.meta.title).toBe('A Title From The First Heading');
    expect(book.meta.slug).toBe('no-front-matter');
    expect(book.meta.authors).toEqual([]);
    expect(book.meta.lang).toBe('en');
    expect(book.meta.date).toBe('1970-01-01');
    expect(book.meta.buildDate.getTime()).toBe(0);
    expect(messages).toEqual([
      'tests/fixtures/no-front-matter.md: no "date" in the front matter; the editions carry 1970-01-01 (add date: YYYY-MM-DD, or set SOURCE_DATE_EPOCH)',
    ]);
    expect(book.chapters).toHaveLength(1);
    expect(book.chapters[0].heading?.text).toBe('A Title From The First Heading');
    expect(book.chapters[0].blocks[0].pos).toEqual({ file: 'tests/fixtures/no-front-matter.md', line: 1 });
  });

  it('dates the book from SOURCE_DATE_EPOCH when set', async () => {
    const { book, messages } = await readWith('tests/fixtures/no-front-matter.md', { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(book.meta.date).toBe('2023-11-14');
    expect(book.meta.buildDate.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(messages).toEqual([]);
  });
});
