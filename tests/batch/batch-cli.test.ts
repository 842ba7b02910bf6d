// `imprint build a.md b.md … [--each] [--jobs N]` as a user runs it.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, ROOT } from '../support/cli.js';
import { tmpDir } from '../support/tools.js';

const BODY = readFileSync(path.join(ROOT, 'manuscript/article.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const paragraph = BODY.split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith('#'))!;
const book = (n: number) => `---\ntitle: Dispatch ${n}\ndate: 2026-11-26\nlang: en\n---\n\n# Part ${n}\n\n${paragraph}\n\nEnd of dispatch ${n}.\n`;
const BROKEN = '---\ntitle: Broken\ndate: 2026-11-26\nkeywords: [one, two\n---\n\nText.\n';

describe('imprint build with several books', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tmpDir('imprint-cli-batch-');
    mkdirSync(path.join(cwd, 'books'));
    for (const n of [1, 2, 10]) writeFileSync(path.join(cwd, 'books', `d${n}.md`), book(n));
    writeFileSync(path.join(cwd, 'books', 'notes.txt'), 'not a book');
  });

  it('--each builds every .md file of a folder as its own book, in natural order, the same for any --jobs', () => {
    const one = imprint(['build', 'books', '--each', '--jobs', '1', '--out', 'out1', '-f', 'txt'], { cwd });
    const two = imprint(['build', 'books', '--each', '--jobs', '2', '--out', 'out2', '-f', 'txt'], { cwd });
    for (const [r, out] of [[one, 'out1'], [two, 'out2']] as const) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines.slice(0, 3).map((l) => l.replace(/ \(.*$/, ''))).toEqual(['d1', 'd2', 'd10'].map((s) => `wrote ${out}/${s}.txt`));
      expect(lines[3]).toMatch(/^built 3 books in \d+\.\d s$/);
      expect(readdirSync(path.join(cwd, out)).sort()).toEqual(['d1.txt', 'd10.txt', 'd2.txt']);
    }
    for (const f of ['d1.txt', 'd2.txt', 'd10.txt']) {
      expect(readFileSync(path.join(cwd, 'out2', f)).equals(readFileSync(path.join(cwd, 'out1', f)))).toBe(true);
    }
  });

  it('several paths are several books; a broken one fails alone, exit 1', () => {
    writeFileSync(path.join(cwd, 'broken.md'), BROKEN);
    const r = imprint(['build', 'books/d1.md', 'broken.md', 'books/d2.md', '--jobs', '2', '--out', 'out3', '-f', 'txt', '--json'], { cwd });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^imprint: broken\.md:\d+: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const summary = JSON.parse(r.stdout) as { books: { input: string; ok: boolean; error?: { exit: number } }[]; failed: number };
    expect(summary.books.map((b) => [b.input, b.ok])).toEqual([
      ['books/d1.md', true],
      ['broken.md', false],
      ['books/d2.md', true],
    ]);
    expect(summary.failed).toBe(1);
    expect(summary.books[1].error!.exit).toBe(1);
    expect(readdirSync(path.join(cwd, 'out3')).sort()).toEqual(['d1.txt', 'd2.txt']);
  });

  it('rejects a bad --jobs with exit 2', () => {
    const r = imprint(['build', 'books', '--each', '--jobs', '0'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a whole number from 1 to 64/);
  });
});
