// The archive manifest: stable JSON naming every edition with its size, media type
// and SHA-256, the book's metadata and its sources; and `imprint check --manifest`
// proving files are (or are not) the ones built.

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/manifest/manifest.js';
import { imprint } from '../support/cli.js';
import { sampleBook } from '../support/sample-book.js';
import { tmpDir } from '../support/tools.js';

const enc = new TextEncoder();
const editions = [
  { format: 'epub' as const, fileName: 'sample.epub', bytes: enc.encode('PK fake epub') },
  { format: 'pdf' as const, fileName: 'sample.pdf', bytes: enc.encode('%PDF-1.7 fake') },
  { format: 'txt' as const, fileName: 'sample.txt', bytes: enc.encode('Plain text.\n') },
];
const sha = (s: Uint8Array) => createHash('sha256').update(s).digest('hex');

describe('buildManifest', () => {
  it('lists each edition with size, media type and SHA-256, in a fixed key order', () => {
    const json = buildManifest(sampleBook(), editions, 'imprint 0.1.0');
    expect(json.endsWith('}\n')).toBe(true);
    const m = JSON.parse(json);
    expect(Object.keys(m)).toEqual(['manifest', 'generator', 'book', 'buildDate', 'editions', 'sources']);
    expect(m.manifest).toBe('imprint-manifest/1');
    expect(m.generator).toEqual({ name: 'imprint', version: '0.1.0' });
    expect(m.editions).toEqual([
      { format: 'epub', file: 'sample.epub', mediaType: 'application/epub+zip', bytes: 12, sha256: sha(editions[0].bytes) },
      { format: 'pdf', file: 'sample.pdf', mediaType: 'application/pdf', bytes: 13, sha256: sha(editions[1].bytes) },
      { format: 'txt', file: 'sample.txt', mediaType: 'text/plain; charset=utf-8', bytes: 12, sha256: sha(editions[2].bytes) },
    ]);
    expect(Object.keys(m.editions[0])).toEqual(['format', 'file', 'mediaType', 'bytes', 'sha256']);
    expect(m.sources).toEqual([{ file: 'tests/fixtures/sample.md', sha256: '0'.repeat(64) }]);
    expect(m.buildDate).toBe('2024-05-01T00:00:00.000Z');
  });

  it('carries the metadata an archive catalogues, with null for what the book lacks', () => {
    const book = sampleBook();
    const m = JSON.parse(buildManifest(book, editions, 'imprint 0.1.0'));
    expect(Object.keys(m.book)).toEqual(['title', 'subtitle', 'authors', 'date', 'lang', 'identifier', 'publisher', 'rights', 'slug']);
    expect(m.book.title).toBe(book.meta.title);
    expect(m.book.authors).toEqual(book.meta.authors);
    expect(m.book.identifier).toEqual({ scheme: book.meta.identifier.scheme, value: book.meta.identifier.value });
    delete book.meta.subtitle;
    delete book.meta.publisher;
    const bare = JSON.parse(buildManifest(book, editions, 'imprint 0.1.0'));
    expect(bare.book.subtitle).toBeNull();
    expect(bare.book.publisher).toBeNull();
  });

  it('is byte-identical for the same input, with 2-space indentation', () => {
    const a = buildManifest(sampleBook(), editions, 'imprint 0.1.0');
    const b = buildManifest(sampleBook(), editions, 'imprint 0.1.0');
    expect(a).toBe(b);
    expect(a.split('\n')[1]).toBe('  "manifest": "imprint-manifest/1",');
  });
});

describe('imprint check --manifest', () => {
  function archive(): string {
    const dir = tmpDir();
    for (const e of editions) writeFileSync(path.join(dir, e.fileName), e.bytes);
    writeFileSync(path.join(dir, 'sample.manifest.json'), buildManifest(sampleBook(), editions, 'imprint 0.1.0'));
    return dir;
  }

  it('confirms every listed file by size and SHA-256 (files found beside the manifest)', () => {
    const dir = archive();
    const r = imprint(['check', '--manifest', path.join(dir, 'sample.manifest.json')], { cwd: tmpDir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  ok       sample.epub: 12 bytes, SHA-256 matches');
    expect(r.stdout).toContain('  ok       sample.txt: 12 bytes, SHA-256 matches');
    expect(r.stdout).toMatch(/checked 1 file: 3 ok, 0 FAIL, 0 skipped/);
  });

  it('exits 1 naming the file whose bytes differ, and the one that is missing', () => {
    const dir = archive();
    writeFileSync(path.join(dir, 'sample.txt'), 'Plain text!\n'); // same size, other bytes
    writeFileSync(path.join(dir, 'sample.pdf'), '');
    rmSync(path.join(dir, 'sample.epub'));
    const r = imprint(['check', '--manifest', 'sample.manifest.json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  FAIL     sample.epub: missing: the manifest lists it, but there is no such file beside the manifest');
    expect(r.stdout).toMatch(/ {2}FAIL {5}sample\.pdf: differs from the archived copy: size 0 bytes, the manifest says 13; SHA-256 e3b0c44298fc…, the manifest says [0-9a-f]{12}…/);
    expect(r.stdout).toMatch(/ {2}FAIL {5}sample\.txt: differs from the archived copy: SHA-256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…/);
  });

  it('verifies the manifests found in dist/ when no file is named', () => {
    const dir = tmpDir();
    const dist = path.join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'sample.txt'), editions[2].bytes);
    writeFileSync(path.join(dist, 'sample.manifest.json'), buildManifest(sampleBook(), [editions[2]], 'imprint 0.1.0'));
    const r = imprint(['check', '--no-ace'], { cwd: dir });
    expect(r.stdout).toContain('dist/sample.manifest.json (manifest)\n  ok       sample.txt: 12 bytes, SHA-256 matches');
    expect(r.status).toBe(0);
  });

  it('says plainly when the file is not a manifest', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'x.manifest.json'), '{"hello": 1}');
    const r = imprint(['check', 'x.manifest.json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL     manifest: is not an imprint manifest');
  });
});
