// `imprint build` as a user runs it: a spawned process, real files, exit codes
// and output asserted.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, ROOT } from '../support/cli.js';
import { tmpDir } from '../support/tools.js';

const ARTICLE = path.join(ROOT, 'manuscript/article.md');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('imprint --help and --version', () => {
  it('prints usage with the build command and exits 0', () => {
    const r = imprint(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/imprint build \[path…\]/);
    expect(r.stdout).toMatch(/--formats/);
  });

  it('prints the package version', () => {
    const r = imprint(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`imprint ${pkg.version}`);
  });

  it('rejects an unknown command or option with exit 2 and one line, no stack', () => {
    const a = imprint(['frobnicate']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/^imprint: unknown command "frobnicate"/);
    const b = imprint(['build', '--no-such-flag']);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/^imprint: build: Unknown option '--no-such-flag'/);
    const c = imprint(['build', '--formats', 'docx']);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/unknown format "docx"/);
    for (const r of [a, b, c]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('an EPUB built alone', () => {
  it('is the EPUB built with the PDF, page list included (the pages are composed either way)', () => {
    const both = tmpDir();
    const alone = tmpDir();
    expect(imprint(['build', 'manuscript', '--formats', 'epub,pdf', '--out', both]).status).toBe(0);
    expect(imprint(['build', 'manuscript', '--formats', 'epub', '--out', alone]).status).toBe(0);
    expect(readdirSync(alone).sort()).toEqual(['article.epub', 'article.manifest.json']);
    // Byte for byte, so the page list (tested in tests/epub/page-list.test.ts) is there too.
    expect(readFileSync(path.join(alone, 'article.epub')).equals(readFileSync(path.join(both, 'article.epub')))).toBe(true);
  });
});

describe('imprint build of the bundled manuscript', () => {
  let out: string;
  let result: ReturnType<typeof imprint>;

  beforeAll(() => {
    out = tmpDir();
    result = imprint(['build', 'manuscript', '--out', out]);
  });

  it('writes the three editions named after the slug, one line each', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['article.epub', 'article.manifest.json', 'article.pdf', 'article.txt']);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const [i, ext] of ['epub', 'pdf', 'txt'].entries()) {
      expect(lines[i]).toMatch(new RegExp(`^wrote .*article\\.${ext} \\(\\d+(\\.\\d)? (B|KiB|MiB)(, \\d+ pages)?, \\d+ ms\\)$`));
    }
    expect(lines[1]).toMatch(/, \d+ pages, /);
    expect(statSync(path.join(out, 'article.pdf')).size).toBeGreaterThan(10_000);
  });

  it('gives byte-identical editions on a second build', () => {
    const again = tmpDir();
    expect(imprint(['build', 'manuscript', '--out', again]).status).toBe(0);
    for (const f of ['article.epub', 'article.pdf', 'article.txt', 'article.manifest.json']) {
      expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
    }
  });

  it('honours SOURCE_DATE_EPOCH: same epoch same bytes, another epoch another date', () => {
    const a = tmpDir();
    const b = tmpDir();
    const c = tmpDir();
    expect(imprint(['build', ARTICLE, '--out', a], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).status).toBe(0);
    expect(imprint(['build', ARTICLE, '--out', b], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).status).toBe(0);
    expect(imprint(['build', ARTICLE, '--out', c], { env: { SOURCE_DATE_EPOCH: '1800000000' } }).status).toBe(0);
    for (const f of ['article.epub', 'article.pdf', 'article.txt']) {
      expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
    }
    expect(readFileSync(path.join(a, 'article.epub')).equals(readFileSync(path.join(c, 'article.epub')))).toBe(false);
  });

  it('writes only the formats asked for', () => {
    const dir = tmpDir();
    const r = imprint(['build', ARTICLE, '--out', dir, '--formats', 'txt']);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['article.manifest.json', 'article.txt']);
  });
});

describe('imprint build of other manuscript shapes', () => {
  it('reads a folder of chapter files in natural order as one book', () => {
    const dir = tmpDir();
    const r = imprint(['build', 'tests/fixtures/folder-book', '--out', dir, '--formats', 'txt']);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'folder-book.txt'), 'utf8');
    const order = ['Opening', 'Middle', 'End'].map((h) => text.lastIndexOf(`\n${h}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('builds a manuscript without front matter, titled from its first heading', () => {
    const dir = tmpDir();
    const r = imprint(['build', 'tests/fixtures/no-front-matter.md', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['no-front-matter.epub', 'no-front-matter.manifest.json', 'no-front-matter.pdf', 'no-front-matter.txt']);
    expect(readFileSync(path.join(dir, 'no-front-matter.txt'), 'utf8').split('\n')[0]).toMatch(/A Title From The First Heading/);
  });
});

describe('bad input and bad usage', () => {
  function project(frontMatter: string, body = '# Heading\n\nText.\n'): string {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript/book.md'), `---\n${frontMatter}\n---\n\n${body}`);
    return dir;
  }

  it('names the file, the line and the problem for a bad front-matter value, exit 1', () => {
    const dir = project('title: T\nauthor: A\ndate: soon');
    const r = imprint(['build'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('imprint: manuscript/book.md:4: front matter "date" must be YYYY-MM-DD, got "soon"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('leaves the previous editions byte-identical when a build fails', () => {
    const dir = project('title: T\ndate: 2024-01-02');
    expect(imprint(['build'], { cwd: dir }).status).toBe(0);
    const before = Object.fromEntries(readdirSync(path.join(dir, 'dist')).map((f) => [f, readFileSync(path.join(dir, 'dist', f))]));
    writeFileSync(path.join(dir, 'manuscript/book.md'), '---\ntitle: T\ndate: 2024-13-45\n---\n\n# H\n\nChanged text.\n');
    const r = imprint(['build'], { cwd: dir });
    expect(r.status).toBe(1);
    const after = readdirSync(path.join(dir, 'dist'));
    expect(after.sort()).toEqual(Object.keys(before).sort());
    for (const f of after) expect(readFileSync(path.join(dir, 'dist', f)).equals(before[f]), f).toBe(true);
  });

  it('refuses --out pointing at a file or at the manuscript folder, exit 2', () => {
    const dir = project('title: T\ndate: 2024-01-02');
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const a = imprint(['build', '--out', 'a-file'], { cwd: dir });
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/^imprint: --out a-file: is a file/);
    const b = imprint(['build', '--out', 'manuscript'], { cwd: dir });
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/manuscript's own folder/);
    expect(readdirSync(path.join(dir, 'manuscript'))).toEqual(['book.md']);
  });

  it('names a missing manuscript path, exit 1', () => {
    const r = imprint(['build', 'no/such/book.md', '--out', tmpDir()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^imprint: no\/such\/book\.md: /);
  });

  it('builds a project copied elsewhere, with its images', () => {
    const dir = tmpDir();
    cpSync(path.join(ROOT, 'tests/fixtures/kitchen-sink'), path.join(dir, 'manuscript'), { recursive: true });
    const r = imprint(['build', '--formats', 'epub,txt'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(['book.epub', 'book.manifest.json', 'book.txt']);
    
  });
});
