// Pathological input: a clear InputError or a correct Book, never a crash or a hang.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import type { HeadingBlock, ParagraphBlock } from '../../src/model/document.js';
import { plainText } from '../../src/model/words.js';
import { allBlocks, fm, readError, readText } from './helpers.js';

const FM = 'title: T\ndate: 2024-01-01';
const L = 6;
const CONTAINERS = 'nesting deeper than 100 levels (block quotes/lists)';
const INLINES = 'nesting deeper than 100 levels (emphasis/links)';

/** Fails with `message` at `line`, or at a line in [line, upTo] (a line already too deep). */
async function fails(body: string, message: string, line: number, upTo = line): Promise<void> {
  const err = await readError(fm(FM, body));
  expect(err).toBeInstanceOf(InputError);
  expect([err.message, err.file]).toEqual([message, 'manuscript/book.md']);
  expect(err.line).toBeGreaterThanOrEqual(line);
  expect(err.line).toBeLessThanOrEqual(upTo);
}

describe('deep nesting', () => {
  it('3,000 nested block quotes on one line', () => fails('Intro.\n\n' + '>'.repeat(3000) + ' deep\n', CONTAINERS, L + 2));
  it('3,000 nested block quotes, one more per line', () =>
    fails('Intro.\n\n' + Array.from({ length: 3000 }, (_, i) => '> '.repeat(i + 1) + 'x').join('\n') + '\n', CONTAINERS, L + 2 + 150));
  it('lists 300 deep by indentation', () =>
    fails(Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + '- item').join('\n') + '\n', CONTAINERS, L + 150));
  it('lists 300 deep on one line', () => fails('- '.repeat(300) + 'x\n', CONTAINERS, L));
  it('ordered lists and quotes mixed', () => fails(Array.from({ length: 3000 }, (_, i) => '   '.repeat(i) + '1. > x').join('\n') + '\n', CONTAINERS, L + 99, L + 149));
  it('lists nested by indentation inside a quote', () =>
    fails(Array.from({ length: 3000 }, (_, i) => '> ' + '  '.repeat(i) + '- x').join('\n') + '\n', CONTAINERS, L + 99, L + 149));

  it('accepts exactly 100 levels and refuses 101, at the line where it goes too deep', async () => {
    const { book } = await readText(fm(FM, '>'.repeat(100) + ' deepest\n'));
    let depth = 0;
    let blocks = book.chapters[0].blocks;
    while (blocks[0]?.type === 'blockquote') {
      depth++;
      blocks = blocks[0].children;
    }
    expect(depth).toBe(100);
    expect(plainText((blocks[0] as ParagraphBlock).content)).toBe('deepest');
    await fails('Intro.\n\n' + '>'.repeat(101) + ' too deep\n', CONTAINERS, L + 2);
  });

  it('emphasis nested 10,000 deep', () => fails('x ' + '*'.repeat(20_000) + 'x' + '*'.repeat(20_000) + '\n', INLINES, L));
  it('emphasis openers spread over a paragraph', () => fails('*a '.repeat(3000) + 'b* '.repeat(3000) + '\n', INLINES, L));
  it('strikethrough openers', () => fails('~~a '.repeat(3000) + 'b~~ '.repeat(3000) + '\n', INLINES, L));
  it('20,000 open brackets', () => fails('['.repeat(20_000) + 'x' + ']'.repeat(20_000) + '\n', INLINES, L));
  it('accepts 100 nested emphasis levels and refuses 101', async () => {
    const ok = await readText(fm(FM, '*a '.repeat(100) + 'b' + '*'.repeat(100) + '\n'));
    expect(plainText((ok.book.chapters[0].blocks[0] as ParagraphBlock).content)).toBe('a '.repeat(100) + 'b');
    await fails('*a '.repeat(101) + 'b' + '*'.repeat(101) + '\n', INLINES, L);
  });

  it('does not mistake long runs that cannot nest for nesting', async () => {
    const { book } = await readText(fm(FM, 'Fill in: ' + '_'.repeat(5000) + ' and ' + '*'.repeat(5000) + ' here.\n\n' + '* '.repeat(50) + '\n\n' + '- - -\n'));
    expect(allBlocks(book).map((b) => b.type)).toContain('paragraph');
  });
});

describe('size', () => {
  it('keeps a 20,000-character word whole', async () => {
    const word = 'x'.repeat(20_000);
    const { book } = await readText(fm(FM, `# H\n\nBefore ${word} after.\n`));
    expect(plainText((book.chapters[0].blocks[1] as ParagraphBlock).content)).toBe(`Before ${word} after.`);
  });

  it('reads 2,000 headings with unique slugs and a full contents', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `## Section ${i % 10}\n\nText ${i}.\n`).join('\n');
    const { book } = await readText(fm(FM, body));
    const headings = allBlocks(book).filter((b): b is HeadingBlock => b.type === 'heading');
    expect(headings).toHaveLength(2000);
    expect(new Set(headings.map((h) => h.slug)).size).toBe(2000);
    expect(headings[10].slug).toBe('section-0-1');
    expect(book.chapters).toHaveLength(2000);
    expect(book.toc).toHaveLength(2000);
    expect(book.chapters.at(-1)?.id).toBe('ch2000');
  });

  it('reads a long heading into a bounded slug', async () => {
    const { book } = await readText(fm(FM, `# ${'word '.repeat(1000)}\n\nText.\n`));
    expect(book.chapters[0].heading?.slug.length).toBeLessThanOrEqual(80);
  });
});
