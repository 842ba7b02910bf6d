#!/usr/bin/env node
// Cold build vs. rebuild under --watch, on a long book: the seed article fifty
// times over, each copy a chapter. Not a test (no timing assertions in tests);
// run by hand after `npx tsc -p tsconfig.json`:
//
//   node tests/workflow/bench-watch.mjs [copies=50] [formats=epub,pdf,txt]
//
// Prints: the cold CLI build (wall, process start to exit), the first build
// inside the watch process, and each rebuild after editing one paragraph (the
// in-process build time the watcher reports, and the wall time from the save to
// the "rebuilt" line, which includes the 150 ms debounce).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// IMPRINT_CLI: another entry point taking the same arguments (e.g. an older build to compare with).
const CLI = process.env.IMPRINT_CLI ?? path.join(ROOT, 'lib/cli/main.js');
const copies = Number(process.argv[2] ?? 50);
const formats = process.argv[3] ?? 'epub,pdf,txt';

const article = readFileSync(path.join(ROOT, 'manuscript/article.md'), 'utf8');
const body = article.slice(article.indexOf('\n---\n', 4) + 5).trim();
const chapters = Array.from({ length: copies }, (_, i) => `# Chapter ${i + 1}\n\n${body}\n`);
const frontMatter = '---\ntitle: The Long Book\nauthor: Imprint News Desk\ndate: 2026-11-26\nlang: en\n---\n\n';
const dir = mkdtempSync(path.join(os.tmpdir(), 'imprint-bench-watch-'));
mkdirSync(path.join(dir, 'manuscript'));
const file = path.join(dir, 'manuscript/long.md');
const text = frontMatter + chapters.join('\n');
writeFileSync(file, text);
const words = text.split(/\s+/).length;
console.log(`book: ${copies} chapters, ${words} words, ${(text.length / 1024).toFixed(0)} KiB; formats ${formats}; in ${dir}`);

const env = { ...process.env, SOURCE_DATE_EPOCH: '1764115200' };

// Cold: a fresh process per build, as `imprint build` runs.
const cold = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'build', 'manuscript/long.md', '--formats', formats, '--out', 'cold'], { cwd: dir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold build failed:\n${r.stderr}`);
  cold.push(performance.now() - t0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`cold CLI build (wall, 3 runs): ${cold.map((x) => Math.round(x)).join(', ')} ms; median ${Math.round(median(cold))} ms`);

// Warm: one watch process, then edits of one paragraph.
const child = spawn(process.execPath, [CLI, 'build', 'manuscript/long.md', '--watch', '--formats', formats, '--out', 'warm'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let err = '';
const waiters = [];
child.stdout.on('data', (b) => {
  out += b;
  for (const w of waiters.splice(0)) if (!w()) waiters.push(w);
});
child.stderr.on('data', (b) => (err += b));
const until = (re, n) =>
  new Promise((resolve) => {
    const test = () => ((out.match(new RegExp(re.source, 'gm')) ?? []).length >= n ? (resolve(), true) : false);
    if (!test()) waiters.push(test);
  });

const t0 = performance.now();
await until(/^watching /, 1);
const firstWall = performance.now() - t0;
const firstBuild = Number(/^built in (\d+) ms/m.exec(out)?.[1]);
console.log(`watch: first build ${firstBuild} ms in-process (${Math.round(firstWall)} ms wall from spawn to "watching")`);

const rebuilds = [];
for (let i = 1; i <= 5; i++) {
  // Edit one paragraph in the middle of the book.
  const edited = text.replace('The Iranian statement was accompanied by sharp accusations', `The Iranian statement (edit ${i}) was accompanied by sharp accusations`);
  const t = performance.now();
  writeFileSync(file, edited);
  await until(/^rebuilt in \d+ ms/, i);
  const wall = performance.now() - t;
  const reported = [...out.matchAll(/^rebuilt in (\d+) ms/gm)].map((m) => Number(m[1]))[i - 1];
  rebuilds.push({ reported, wall });
  const editions = out.split(/^rebuilt in \d+ ms\n/m)[i].split('\n').filter((l) => l.startsWith('  wrote')).map((l) => l.replace(/^ {2}wrote \S+\/(\S+) \(.*?(\d+) ms\)$/, '$1 $2 ms')).join(', ');
  console.log(`rebuild ${i}: ${reported} ms in-process, ${Math.round(wall)} ms wall from save to "rebuilt" (150 ms of it debounce); ${editions}`);
}
child.kill('SIGINT');
const m = median(rebuilds.map((r) => r.reported));
console.log(`\nsummary: cold CLI ${Math.round(median(cold))} ms; watch first build ${firstBuild} ms; rebuild after a one-paragraph edit (median of 5) ${m} ms in-process, ${Math.round(median(rebuilds.map((r) => r.wall)))} ms save-to-done`);
if (err.trim()) console.log(`stderr:\n${err}`);
