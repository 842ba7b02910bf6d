// Batch builds (src/build/batch.ts): several books in one call, in-process or on
// worker threads. The compiled module is tested (global setup compiles first),
// because the worker threads load lib/build/worker.js.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchItemResult, BatchOptions } from '../../src/build/batch.js';
import { ROOT } from '../support/cli.js';
import { tmpDir, unzipEpub } from '../support/tools.js';

type BatchModule = typeof import('../../src/build/batch.js');
let batch: BatchModule;

const ARTICLE = readFileSync(path.join(ROOT, 'manuscript/article.md'), 'utf8');
const BODY = ARTICLE.replace(/^---\n[\s\S]*?\n---\n/, '');
const paragraphs = BODY.split(/\n\s*\n/).filter((p) => p.trim() && !p.startsWith('#'));

/** A short book of its own: a title, a heading and two paragraphs of the article. */
function book(n: number): string {
  return [
    '---',
    `title: Dispatch number ${n}`,
    'author: Imprint Test',
    'date: 2026-11-26',
    'lang: en',
    '---',
    '',
    `# Part ${n}`,
    '',
    paragraphs[n % paragraphs.length],
    '',
    `Dispatch ${n} ends with a note.[^a]`,
    '',
    paragraphs[(n * 3 + 1) % paragraphs.length],
    '',
    `[^a]: Note of dispatch ${n}.`,
    '',
  ].join('\n');
}

/** Front matter the reader must refuse: an unterminated YAML flow sequence. */
const BROKEN = ['---', 'title: Broken dispatch', 'date: 2026-11-26', 'keywords: [one, two', '---', '', 'Text.', ''].join('\n');

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) out.set(name, readFileSync(path.join(dir, name)));
  return out;
}

async function run(inputs: string[], cwd: string, outDir: string, jobs: number) {
  const seen: BatchItemResult[] = [];
  const opts: BatchOptions = { outDir, formats: ['epub', 'pdf', 'txt'], width: 72, keepGoing: false, cwd };
  const results = await batch.buildBatch(inputs, opts, jobs, (r) => seen.push(r));
  return { results, seen };
}

beforeAll(async () => {
  batch = (await import(path.join(ROOT, 'lib/build/batch.js'))) as BatchModule;
});

describe('buildBatch: five books, --jobs 1 and --jobs 2', () => {
  let cwd: string;
  let inputs: string[];
  let one: Awaited<ReturnType<typeof run>>;
  let two: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    cwd = tmpDir('imprint-batch-');
    mkdirSync(path.join(cwd, 'books'));
    for (let n = 1; n <= 5; n++) writeFileSync(path.join(cwd, 'books', `dispatch-${n}.md`), book(n));
    inputs = await batch.expandInputs(['books'], true, cwd);
    one = await run(inputs, cwd, 'out-1', 1);
    two = await run(inputs, cwd, 'out-2', 2);
  });

  it('finds each .md file of the folder as its own book, in natural order', () => {
    expect(inputs).toEqual([1, 2, 3, 4, 5].map((n) => path.join('books', `dispatch-${n}.md`)));
  });

  it('builds every book, reports them in input order, and writes three editions each', () => {
    for (const { results, seen } of [one, two]) {
      expect(results.map((r) => r.input)).toEqual(inputs);
      expect(seen.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
      for (const r of results) {
        expect(r.error).toBeUndefined();
        expect(r.ok).toBe(true);
        expect(r.editions.map((e) => e.format)).toEqual(['epub', 'pdf', 'txt']);
        expect(r.title).toBe(`Dispatch number ${r.index + 1}`);
      }
    }
    const names = [...files(path.join(cwd, 'out-1')).keys()];
    expect(names).toHaveLength(15);
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(one.results[2].editions.map((e) => e.path)).toEqual(
      ['epub', 'pdf', 'txt'].map((ext) => path.join('out-1', `${one.results[2].slug}.${ext}`)),
    );
  });

  it('writes byte-identical editions whatever the number of jobs', () => {
    const a = files(path.join(cwd, 'out-1'));
    const b = files(path.join(cwd, 'out-2'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
    expect(two.results.map((r) => r.editions.map((e) => e.bytes))).toEqual(one.results.map((r) => r.editions.map((e) => e.bytes)));
  });

  it('gives each book its own text', async () => {
    const txt = (i: number) => readFileSync(path.join(cwd, 'out-2', `${two.results[i].slug}.txt`), 'utf8');
    expect(txt(0)).toContain('Dispatch number 1');
    expect(txt(0)).toContain('Note of dispatch 1.');
    expect(txt(4)).toContain('Note of dispatch 5.');
    expect(txt(4)).not.toContain('Note of dispatch 1.');
    const epub = await unzipEpub(readFileSync(path.join(cwd, 'out-2', `${two.results[3].slug}.epub`)));
    const opf = await epub.text(epub.names.find((n) => n.endsWith('.opf'))!);
    expect(opf).toContain('Dispatch number 4');
  });
});

describe('buildBatch: a broken book among good ones', () => {
  let cwd: string;
  const inputs = ['a.md', 'broken.md', 'c.md', 'missing.md', 'e.md'];
  let results: Record<number, BatchItemResult[]>;

  beforeAll(async () => {
    cwd = tmpDir('imprint-batch-broken-');
    writeFileSync(path.join(cwd, 'a.md'), book(1));
    writeFileSync(path.join(cwd, 'broken.md'), BROKEN);
    writeFileSync(path.join(cwd, 'c.md'), book(3));
    writeFileSync(path.join(cwd, 'e.md'), book(5));
    results = {};
    for (const jobs of [1, 2]) results[jobs] = (await run(inputs, cwd, `out-${jobs}`, jobs)).results;
  });

  it('fails the broken book alone, with the CLI message naming the file and line, exit class 1', () => {
    for (const jobs of [1, 2]) {
      const r = results[jobs];
      expect(r.map((x) => x.ok)).toEqual([true, false, true, false, true]);
      expect(r[1].editions).toEqual([]);
      expect(r[1].error!.exit).toBe(1);
      expect(r[1].error!.message).toMatch(/^imprint: broken\.md:\d+: /);
      expect(r[1].error!.message).not.toMatch(/\n\s+at /);
      expect(r[3].error!.exit).toBe(1);
      expect(r[3].error!.message).toMatch(/^imprint: missing\.md/);
    }
    expect(results[2].map((x) => x.error)).toEqual(results[1].map((x) => x.error));
  });

  it('writes the good books, and nothing for the broken ones', () => {
    for (const jobs of [1, 2]) {
      expect([...files(path.join(cwd, `out-${jobs}`)).keys()]).toEqual(['a.epub', 'a.pdf', 'a.txt', 'c.epub', 'c.pdf', 'c.txt', 'e.epub', 'e.pdf', 'e.txt']);
    }
  });
});

describe('buildBatch: two books that would write the same files', () => {
  it('keeps the first in input order and fails the second, for any number of jobs', async () => {
    const cwd = tmpDir('imprint-batch-clash-');
    mkdirSync(path.join(cwd, 'one'));
    mkdirSync(path.join(cwd, 'two'));
    writeFileSync(path.join(cwd, 'one', 'story.md'), book(1));
    writeFileSync(path.join(cwd, 'two', 'story.md'), book(2));
    const inputs = ['one/story.md', 'two/story.md'];
    for (const jobs of [1, 2]) {
      const { results } = await run(inputs, cwd, `out-${jobs}`, jobs);
      expect(results[0].error).toBeUndefined();
      expect(results[0].ok).toBe(true);
      expect(results[1].ok).toBe(false);
      expect(results[1].error!.exit).toBe(1);
      expect(results[1].error!.message).toBe(`imprint: two/story.md: its editions would overwrite those of one/story.md (${results[0].slug}.epub)`);
      const txt = readFileSync(path.join(cwd, `out-${jobs}`, `${results[0].slug}.txt`), 'utf8');
      expect(txt).toContain('Note of dispatch 1.');
      expect(readdirSync(path.join(cwd, `out-${jobs}`)).filter((n) => n.startsWith('.'))).toEqual([]);
    }
  });
});

describe('expandInputs', () => {
  it('orders numbered files naturally, skips hidden and non-Markdown files, and names each book once', async () => {
    const cwd = tmpDir('imprint-batch-expand-');
    mkdirSync(path.join(cwd, 'f'));
    for (const name of ['ch10.md', 'ch2.md', 'ch1.md', '.hidden.md', 'notes.txt', 'B.MD']) writeFileSync(path.join(cwd, 'f', name), 'x');
    mkdirSync(path.join(cwd, 'f', 'sub.md'));
    expect(await batch.expandInputs(['f'], true, cwd)).toEqual(['f/B.MD', 'f/ch1.md', 'f/ch2.md', 'f/ch10.md']);
    // Without --each a folder is one book; a path named twice is built once.
    expect(await batch.expandInputs(['f', 'f/ch1.md', './f'], false, cwd)).toEqual(['f', 'f/ch1.md']);
    expect(await batch.expandInputs(['f/ch2.md', 'f'], true, cwd)).toEqual(['f/ch2.md', 'f/B.MD', 'f/ch1.md', 'f/ch10.md']);
    await expect(batch.expandInputs(['f/sub.md'], true, cwd)).rejects.toThrow(/holds no \.md files/);
  });

  it('picks a default number of jobs between 1 and the number of books', () => {
    expect(batch.defaultJobs(1)).toBe(1);
    expect(batch.defaultJobs(100)).toBeGreaterThanOrEqual(1);
    expect(batch.defaultJobs(100)).toBeLessThanOrEqual(8);
  });
});

describe('buildBatch loaded from src/ (as tests that import the CLI modules do)', () => {
  it('still finds its worker, in lib/', async () => {
    const fromSrc = await import('../../src/build/batch.js');
    const cwd = tmpDir('imprint-batch-src-');
    writeFileSync(path.join(cwd, 'one.md'), book(1));
    writeFileSync(path.join(cwd, 'two.md'), book(2));
    const opts: BatchOptions = { outDir: 'out', formats: ['txt'], width: 72, keepGoing: false, cwd };
    const results = await fromSrc.buildBatch(['one.md', 'two.md'], opts, 2, () => {});
    expect(results.map((r) => [r.ok, r.error?.message])).toEqual([
      [true, undefined],
      [true, undefined],
    ]);
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['one.txt', 'two.txt']);
  });
});
