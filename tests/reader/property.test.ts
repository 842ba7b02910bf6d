// Whatever the manuscript holds, the reader either throws an InputError or returns
// a Book whose every string is XML-safe and whose cross-references hold together.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import type { Book, Inline } from '../../src/model/document.js';
import { allBlocks, allInlines, allStrings, Scratch } from './helpers.js';

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MARKDOWN = [
  '\n', '\n\n', '# ', '## ', '###### ', '> ', '>', '- ', '* ', '1. ', '3) ', '    ', '\t', '```', '~~~', '---', '***', '===',
  '*', '**', '_', '__', '~', '~~', '`', '``', '[', ']', '(', ')', '![', '](', '[x](#', '[y](https://e.org/', '[z](other.md#a',
  '[^1]', '[^1]: ', '[^n]', '[^n]: note ', '[r]: https://r.org/ "t"', '[r]', '<https://a.org>', 'www.w.org', 'a@b.org',
  '| a | b |\n|---|:-:|\n', '| c |', '\\', '\\*', '  \n', '- [ ] ', '- [x] ', '{#id}', '$x$',
  '&amp;', '&#12;', '&#0;', '&#xFFFF;', '&#xD800;', '&#x1F600;', '&nbsp;', '&bogus;', 'e\u0301', '\u0000', '\u0007', '\u000c',
  '\u001f', '\ufeff', '\u202e', '\u200d', '\uffff',
];
const HTML = [
  '<', '>', '</', '<b>', '</b>', '<i>', '</i>', '<sub>', '</sub>', '<sup>', '</sup>', '<abbr title="x&#12;y">', '</abbr>', '<br>',
  '<code>', '</code>', '<kbd>', '<q>', '</q>', '<span onclick="evil()">', '</span>', '<a href="javascript:alert(1)">',
  '<a href="https://ok.org/">', '<a href="#x">', '</a>', '<script>', '</script>', '<style>', '</style>', '<iframe>',
  '</iframe>', '<div>', '</div>', '<p>', '</p>', '<pre>', '</pre>', '<table><tr><td>', '</td></tr></table>', '<!--', '-->',
  '<!-- c -->', '<![CDATA[', ']]>', '<?php ?>', '<!DOCTYPE html>', '<template>', '<svg><script>', '<math>', '<textarea>',
  '<title>', '<img src="x.png" onerror="x()">', '<imprint-slot-0>', '</imprint-slot-0>', '<select>', '<plaintext>',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 3, arbitrary: fc.constantFrom(...HTML) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('word', 'Ελληνικά', 'עברית', 'العربية', '日本語', ' ') },
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constant('---\ntitle: T\ndate: 2024-01-01\n---\n'),
  fc.constant('---\ntitle: "\\x07\\uD800 \\uFFFF"\nauthor: [A, 1]\n---\n'),
  fc.constant('---js\n{}\n---\n'),
  fc.constant('---\n'),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `---\ntitle: ${JSON.stringify(s)}\n---\n`),
);

const manuscript = fc.tuple(frontMatter, fc.array(piece, { maxLength: 60 })).map(([f, parts]) => f + parts.join(''));

function checkBook(book: Book): void {
  for (const s of allStrings(book)) expect(s, JSON.stringify(s)).not.toMatch(FORBIDDEN);
  const blocks = allBlocks(book);
  expect(blocks.map((b) => b.id)).toEqual(blocks.map((_, i) => `b${i + 1}`));
  expect(book.chapters.map((c) => c.index)).toEqual(book.chapters.map((_, i) => i));
  expect(book.notes.map((n) => n.number)).toEqual(book.notes.map((_, i) => i + 1));
  const slugs = new Set(blocks.flatMap((b) => (b.type === 'heading' ? [b.slug] : [])));
  expect(slugs.size).toBe(blocks.filter((b) => b.type === 'heading').length);
  const resources = new Set(book.resources.map((r) => r.id));
  const inlines: Inline[] = allInlines(blocks);
  for (const i of inlines) {
    if (i.type === 'noteref') expect(i.number).toBeLessThanOrEqual(book.notes.length);
    if (i.type === 'image') expect(resources.has(i.resource)).toBe(true);
    if (i.type === 'link') {
      if (i.internal) expect(slugs.has(i.internal)).toBe(true);
      else {
        expect(i.href).toMatch(/^(https?|mailto):/);
        expect(book.links[i.refNumber! - 1].href).toBe(i.href);
      }
    }
  }
}

describe('any manuscript', () => {
  it('reads into a consistent, XML-safe Book or fails with an InputError', async () => {
    const s = new Scratch();
    await fc.assert(
      fc.asyncProperty(manuscript, fc.boolean(), async (text, keepGoing) => {
        s.write('manuscript/book.md', text);
        try {
          const { book } = await s.read('manuscript/book.md', { keepGoing });
          checkBook(book);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.message).not.toBe('');
        }
      }),
      { numRuns: Number(process.env.READER_FC_RUNS ?? 400) },
    );
  });

  it('reads arbitrary bytes without anything but an InputError', async () => {
    const s = new Scratch();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        s.write('manuscript/book.md', bytes);
        try {
          checkBook((await s.read()).book);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }),
      { numRuns: 200 },
    );
  });
});
