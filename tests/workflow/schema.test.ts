// The front-matter JSON Schema: well-formed, complete (every key documented with a
// type, a description and a default), accepting the manuscripts imprint ships and
// refusing wrong values; and the README's table is generated from it.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, imprint } from '../support/cli.js';
import { tmpDir } from '../support/tools.js';
import { frontMatterOf, schema, schemaKeys } from './front-matter-helpers.js';
import { validate, type Schema } from './json-schema-subset.js';

describe('schema/front-matter.schema.json', () => {
  it('is a draft 2020-12 schema that documents every key with a type, a description and a default', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    const leaves = Object.entries(schema.properties).flatMap(([k, s]) => (s.properties ? Object.entries(s.properties).map(([n, x]) => [`${k}.${n}`, x] as const) : [[k, s] as const]));
    for (const [key, s] of leaves) {
      expect(typeof s.description, `${key} has a description`).toBe('string');
      expect(s.type !== undefined || s.oneOf !== undefined, `${key} has a type`).toBe(true);
      if (typeof s.pattern === 'string') expect(() => new RegExp(s.pattern as string, 'u'), `${key}'s pattern compiles`).not.toThrow();
    }
    // Unknown keys are allowed (other tools keep data there) and documented as a warning.
    expect(typeof schema.additionalProperties).toBe('object');
    expect(String((schema.additionalProperties as Schema).description)).toMatch(/ignored with a warning/);
  });

  it('lists exactly the keys the reader accepts', () => {
    // The reader keeps its lists private (src/reader/metadata.ts), so they are read from its source.
    const source = readFileSync(path.join(ROOT, 'src/reader/metadata.ts'), 'utf8');
    const list = (name: string) => [...new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(source)![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const known = list('KNOWN_KEYS').flatMap((k) => (k === 'pdf' ? list('PDF_KEYS').map((n) => `pdf.${n}`) : [k]));
    expect(known.length).toBeGreaterThan(10);
    expect(schemaKeys().sort()).toEqual(known.sort());
  });

  it('accepts the bundled manuscript, the kitchen-sink fixture and the folder book', () => {
    for (const file of ['manuscript/article.md', 'tests/fixtures/kitchen-sink/book.md', 'tests/fixtures/folder-book/1-opening.md']) {
      const fm = frontMatterOf(readFileSync(path.join(ROOT, file), 'utf8'));
      expect(validate(schema, fm), file).toEqual([]);
    }
  });

  it('accepts the sample chapter imprint init writes, with identifier and cover uncommented too', () => {
    const dir = tmpDir();
    expect(imprint(['init', 'book', '--date', '2026-03-01'], { cwd: dir }).status).toBe(0);
    const md = readFileSync(path.join(dir, 'book/manuscript/01-chapter.md'), 'utf8');
    expect(validate(schema, frontMatterOf(md))).toEqual([]);
    const uncommented = md.replace(/^# (identifier|cover): /gm, '$1: ');
    const fm = frontMatterOf(uncommented);
    expect(Object.keys(fm)).toContain('identifier');
    expect(validate(schema, fm)).toEqual([]);
  });

  it('refuses wrong values, naming the key', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ 'toc-depth': 9 }, /toc-depth: above 6/],
      [{ 'toc-depth': 2.5 }, /toc-depth: expected integer/],
      [{ date: 'soon' }, /date: "soon" does not match/],
      [{ pdf: { size: 'huge' } }, /pdf\.size: "huge" does not match/],
      [{ pdf: { size: 'A3' } }, /pdf\.size: "A3" does not match/],
      [{ author: { name: 'Ada' } }, /author: matches 0 of the oneOf/],
      [{ keywords: 'a, b' }, /keywords: expected array/],
      [{ 'epub-fonts': 'yes' }, /epub-fonts: expected boolean/],
      [{ identifier: 'my book' }, /identifier: "my book" does not match/],
      [{ lang: 'en_US' }, /lang: "en_US" does not match/],
    ];
    for (const [fm, message] of bad) expect(validate(schema, fm).join('\n')).toMatch(message);
    for (const good of [
      { identifier: 'urn:isbn:978-0-00-000000-2', 'series-index': 2.5, pdf: { size: '6x9in', binding: true } },
      { identifier: 'ISBN 0-306-40615-2', title: 1984, author: ['Ada', 'Charles'], pdf: { size: '150 × 220 mm' } },
      { identifier: 'urn:uuid:3f1e6b0a-7c1d-5e2f-9a4b-0c1d2e3f4a5b', slug: 'Anything At All', pdf: { size: 'letter' } },
    ]) expect(validate(schema, good), JSON.stringify(good)).toEqual([]);
  });
});

describe('scripts/schema-to-markdown.mjs', () => {
  const table = execFileSync(process.execPath, [path.join(ROOT, 'scripts/schema-to-markdown.mjs')], { encoding: 'utf8' });

  it('prints one table row per key, with type, default and description', () => {
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => /^\| `([^`]+)`/.exec(r)![1])).toEqual(schemaKeys());
    expect(table).toContain('| `toc-depth` | integer 1–6 | `2` |');
    expect(table).toContain('| `author` | text or list | none |');
    expect(table).toContain('| `keywords` | list | none |');
    expect(table).toContain('| `date` | date (YYYY-MM-DD) |');
  });

  it('is what the README shows under "Front matter"', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(table.trim());
  });
});
