// The parser switches GFM extensions on only where the text can use them; that
// must give exactly the tree full remark-gfm gives.

import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/reader/parse-markdown.js';

const full = unified().use(remarkParse).use(remarkGfm);

const PIECES = [
  ' ', '\n', '\n\n', 'word', '# ', '- ', '1. ', '> ', '*', '_', '~', '~~', '`', '|', '| a | b |\n|---|---|\n', '[', ']', '(', ')',
  '[^1]', '[^1]: ', '[ ]', '[x]', '- [ ] ', 'www.', 'www.example.com', 'http://', 'https://e.org/a_b', '@', 'a@b.org',
  'mailto:', 'xmpp:', '.', ',', '<', '>', '<https://x.org>', '\\', '&amp;', ':', '/',
];

describe('GFM on demand', () => {
  it('parses like full remark-gfm', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), async (parts) => {
        const text = parts.join('');
        expect(await parseMarkdown(text, 'x.md', 0)).toEqual(full.parse(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('parses the real manuscript and the kitchen sink like full remark-gfm', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of ['manuscript/article.md', 'tests/fixtures/kitchen-sink/book.md']) {
      const text = readFileSync(f, 'utf8');
      expect(await parseMarkdown(text, f, 0)).toEqual(full.parse(text));
    }
  });
});
