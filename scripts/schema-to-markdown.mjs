#!/usr/bin/env node
// Prints the README's front-matter table, generated from the JSON Schema so the
// two cannot disagree:  node scripts/schema-to-markdown.mjs [schema.json]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? fileURLToPath(new URL('../schema/front-matter.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(file, 'utf8'));

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\s*\n\s*/g, ' ');
const code = (text) => `\`${text}\``;

const isText = (t) => Array.isArray(t) && t.length === 2 && t.includes('string') && t.includes('number');

function typeOf(s) {
  if (s.oneOf) return s.oneOf.map(typeOf).join(' or ');
  // Text fields also take a YAML number (title: 1984), read as its digits.
  if (isText(s.type)) return 'text';
  if (s.type === 'string') return s.format === 'date' ? 'date (YYYY-MM-DD)' : 'text';
  if (s.type === 'array') return typeOf(s.items ?? {}) === 'text' ? 'list' : `list of ${typeOf(s.items ?? {})}`;
  if (s.type === 'integer' && s.minimum !== undefined && s.maximum !== undefined) return `integer ${s.minimum}–${s.maximum}`;
  if (s.type === 'number' && s.minimum !== undefined) return `number ≥ ${s.minimum}`;
  if (s.enum) return s.enum.map((v) => code(JSON.stringify(v))).join(', ');
  return Array.isArray(s.type) ? s.type.join(' or ') : s.type ?? 'any';
}

function defaultOf(s) {
  if (s['x-default'] !== undefined) return s['x-default'];
  if (s.default === undefined) return '—';
  if (Array.isArray(s.default)) return s.default.length ? code(s.default.join(', ')) : 'none';
  return code(typeof s.default === 'string' ? s.default : JSON.stringify(s.default));
}

const rows = [];
function walk(properties, prefix) {
  for (const [key, s] of Object.entries(properties)) {
    if (s.type === 'object' && s.properties) {
      walk(s.properties, `${prefix}${key}.`);
      continue;
    }
    rows.push(`| ${code(prefix + key)} | ${cell(typeOf(s))} | ${cell(defaultOf(s))} | ${cell(s.description ?? '')} |`);
  }
}
walk(schema.properties, '');

const lines = [
  '| Key | Type | Default | What it does |',
  '| --- | --- | --- | --- |',
  ...rows,
  '',
  `Keys with a dot are nested: ${code('pdf.size')} and ${code('pdf.binding')} are written as ${code('pdf:')} followed by indented ${code('size: A5')} and ${code('binding: true')} lines.`,
  cell(schema.additionalProperties?.description ?? ''),
];
process.stdout.write(lines.join('\n') + '\n');
