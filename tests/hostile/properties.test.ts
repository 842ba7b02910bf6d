// Issue #5, property tests: arbitrary Markdown with random HTML fragments and
// arbitrary Unicode never crashes a build; whatever is built is valid.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { Diagnostics, InputError } from '../../src/diagnostics.js';
import { qpdfCheck, requireTool, tmpDir, unzipEpub } from '../support/tools.js';

const fragments = [
  '# ', '## ', '> ', '- ', '1. ', '* ', '```\n', '    ', '---\n', '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '*', '**', '_', '~~', '`', '[', '](', ')', '![', '[^1]', '\n[^1]: note\n', '\\', '<', '>', '&', '&amp;', '&#0;', '&#xD800;',
  '<script>alert(1)</script>', '<b onclick="x()">', '</b>', '<sub>', '</sub>', '<sup>2</sup>', '<abbr title="t">', '</abbr>',
  '<iframe src=x>', '<!-- c -->', '<a href="javascript:alert(1)">', '</a>', '<br>', '<div>', '</div>', '<svg><g/></svg>',
  '[x](https://example.org/)', '[y](#nowhere)', '[z](javascript:alert(1))', '\u0000', '\u0007', '\uFFFE', '\u202E', 'é', 'e\u0301',
  'שלום', 'مرحبا', 'Ελλάδα', '中文', '😀', '\u200B', '\t', '\r\n', '\n', '\n\n',
];

const markdown = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));

function parsesAsXml(text: string): string[] {
  const errors: string[] = [];
  new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(text, 'application/xml');
  return errors;
}

describe('arbitrary manuscripts', () => {
  it('never crash the build, and what is built is valid', async () => {
    const haveQpdf = requireTool('qpdf');
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const dir = tmpDir('imprint-prop-');
        mkdirSync(path.join(dir, 'manuscript'));
        writeFileSync(path.join(dir, 'manuscript/book.md'), `---\ntitle: Property\ndate: 2024-01-01\n---\n\n# Start\n\n${body}\n`);
        let result;
        try {
          result = await build({ input: 'manuscript', outDir: 'dist', formats: ['epub', 'pdf', 'txt'], width: 72, keepGoing: true, diagnostics: new Diagnostics(), cwd: dir, env: {} });
        } catch (err) {
          // Bad input may be refused, but only with a user-facing message.
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        expect(result.editions.map((e) => e.format)).toEqual(['epub', 'pdf', 'txt']);
        const epub = await unzipEpub(readFileSync(path.join(dir, 'dist/book.epub')));
        for (const name of epub.names.filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) expect(parsesAsXml(await epub.text(name)), name).toEqual([]);
        if (haveQpdf) expect(qpdfCheck(path.join(dir, 'dist/book.pdf')).ok).toBe(true);
        const txt = readFileSync(path.join(dir, 'dist/book.txt'));
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(txt)).not.toThrow();
      }),
      { numRuns: 30, seed: 20261126 },
    );
  });
});
