// Reading front matter and the schema's keys, for the schema and init tests.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { ROOT } from '../support/cli.js';
import type { Schema } from './json-schema-subset.js';

export const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/front-matter.schema.json'), 'utf8')) as Schema & {
  properties: Record<string, Schema & { properties?: Record<string, Schema> }>;
};

/** Front matter as data, YAML dates written back as the YYYY-MM-DD they were. */
export function frontMatterOf(markdown: string): Record<string, unknown> {
  const data = matter(markdown, { language: 'yaml' }).data as Record<string, unknown>;
  const plain = (v: unknown): unknown =>
    v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;
  return plain(data) as Record<string, unknown>;
}

/** Every key, nested ones dotted: `pdf.size`. */
export function schemaKeys(): string[] {
  const keys: string[] = [];
  for (const [k, s] of Object.entries(schema.properties)) {
    if (s.type === 'object' && s.properties) keys.push(...Object.keys(s.properties).map((n) => `${k}.${n}`));
    else keys.push(k);
  }
  return keys;
}

