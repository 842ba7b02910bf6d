#!/usr/bin/env node
// The functions with the most self time in a V8 .cpuprofile (node --cpu-prof), with
// their file and line, and the share of time per package.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof lib/cli/imprint.js build bench/out/novel.md --out /tmp/n
//   node bench/top-functions.mjs /tmp/prof/CPU.*.cpuprofile [--top 5] [--callers NAME]
//
// --callers NAME also lists who calls the functions named NAME (their self time
// split by the chain of the nearest callers), to tell whose code a hot spot is.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { top: { type: 'string' }, callers: { type: 'string' } }, allowPositionals: true });
if (positionals.length === 0) {
  process.stderr.write('usage: node bench/top-functions.mjs PROFILE.cpuprofile [--top 5]\n');
  process.exit(2);
}
const top = Number(values.top ?? 5);
const profile = JSON.parse(await fs.readFile(positionals[0], 'utf8'));

// Self time: each sample is charged to the node it landed in, weighted by the
// time until the next sample.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas ?? [];
for (let i = 0; i < profile.samples.length; i++) {
  const dt = deltas[i + 1] ?? deltas[i] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url) => {
  if (!url) return '';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
};
const functions = new Map();
const packages = new Map();
const projectFiles = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id);
  const name = f.functionName || (f.url ? '(anonymous)' : f.url === '' && f.functionName === '' ? '(program)' : '(anonymous)');
  const file = where(f.url);
  const key = `${name}\t${file}:${f.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? (file.startsWith('lib/') ? file.split('/').slice(0, 3).join('/') : file.startsWith('node:') ? 'node core' : file ? 'other' : name);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  if (file.startsWith('lib/') || file.startsWith('src/')) projectFiles.set(file, (projectFiles.get(file) ?? 0) + us);
}

const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5) + ' %';
const ms = (us) => (us / 1000).toFixed(0).padStart(7) + ' ms';
process.stdout.write(`${positionals[0]}: ${(total / 1e6).toFixed(2)} s sampled\n\nTop ${top} functions by self time:\n`);
for (const [key, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const [name, loc] = key.split('\t');
  process.stdout.write(`${ms(us)} ${pct(us)}  ${name}  ${loc}\n`);
}
process.stdout.write('\nSelf time by package or module folder:\n');
for (const [pkg, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 12)) process.stdout.write(`${ms(us)} ${pct(us)}  ${pkg}\n`);
process.stdout.write("\nSelf time by imprint's own files (lib/ = compiled src/):\n");
for (const [file, us] of [...projectFiles].sort((a, b) => b[1] - a[1]).slice(0, 12)) process.stdout.write(`${ms(us)} ${pct(us)}  ${file}\n`);

if (values.callers) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frame = (id) => {
    const f = byId.get(id).callFrame;
    return `${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`;
  };
  const chains = new Map();
  for (const [id, us] of self) {
    if (byId.get(id).callFrame.functionName !== values.callers) continue;
    const chain = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p)) chain.push(frame(p));
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + us);
  }
  process.stdout.write(`\nCallers of ${values.callers}:\n`);
  for (const [key, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8)) process.stdout.write(`${ms(us)} ${pct(us)}  < ${key}\n`);
}
