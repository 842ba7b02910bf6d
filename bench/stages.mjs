#!/usr/bin/env node
// Where the time of one build goes, measured inside one process by importing the
// compiled reader and edition writers directly (lib/): boot, each import, reading,
// and each edition's rendering. The first repeat is the cold CLI's case; later
// repeats show the same work with warm modules, fonts and JIT (what a batch
// worker sees). Nothing is written to disk.
//
//   node bench/stages.mjs IN.md [--repeats 3] [--json]

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const boot = performance.now(); // since process start (performance.timeOrigin)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { repeats: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
const input = positionals[0] ?? path.join(ROOT, 'manuscript/article.md');
const repeats = Math.max(1, Number(values.repeats ?? 3));
const lib = (p) => pathToFileURL(path.join(ROOT, 'lib', p)).href;

const rows = new Map();
const record = (stage, run, ms) => {
  if (!rows.has(stage)) rows.set(stage, []);
  rows.get(stage)[run] = ms;
};
async function timed(stage, run, work) {
  const t = performance.now();
  const v = await work();
  record(stage, run, performance.now() - t);
  return v;
}

let peak = 0;
const sampleRss = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sampleRss, 20);
record('boot (process start → script)', 0, boot);

const modules = {};
for (let run = 0; run < repeats; run++) {
  const { Diagnostics } = await import(lib('diagnostics.js'));
  const { GENERATOR } = await import(lib('version.js'));
  const diagnostics = new Diagnostics();
  const ctx = { diagnostics, generator: GENERATOR, width: 72 };
  if (run === 0) modules.reader = await timed('import reader', run, () => import(lib('reader/read.js')));
  const book = await timed('read manuscript (front matter, parse, model)', run, () =>
    modules.reader.readManuscript(input, { diagnostics, keepGoing: true, cwd: process.cwd(), env: process.env }),
  );
  if (run === 0) modules.pdf = await timed('import PDF writer', run, () => import(lib('editions/pdf/index.js')));
  const pdf = await timed('PDF: render', run, () => modules.pdf.renderPdf(book, ctx));
  if (run === 0) modules.epub = await timed('import EPUB writer', run, () => import(lib('editions/epub/index.js')));
  await timed('EPUB: render', run, () => modules.epub.renderEpub(book, ctx, { pageStarts: pdf.pageStarts, printEdition: book.meta.slug + '.pdf' }));
  if (run === 0) modules.text = await timed('import text writer', run, () => import(lib('editions/text/index.js')));
  await timed('TXT: render', run, async () => modules.text.renderText(book, ctx));
  sampleRss();
}
clearInterval(timer);

const median = (xs) => {
  const s = xs.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stages = [...rows].map(([stage, ms]) => ({ stage, cold: ms[0], warm: median(ms.slice(1)) }));
const result = { input: path.relative(process.cwd(), input), repeats, stages, peakRssMiB: peak / 2 ** 20 };
if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
else {
  process.stdout.write(`${result.input}: ${repeats} repeat(s); peak RSS ${result.peakRssMiB.toFixed(0)} MiB\n`);
  for (const s of stages) process.stdout.write(`${s.stage.padEnd(48)} ${s.cold.toFixed(1).padStart(9)} ms${s.warm === null ? '' : `  warm ${s.warm.toFixed(1).padStart(9)} ms`}\n`);
}
