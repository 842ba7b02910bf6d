#!/usr/bin/env node
// `npm run bench`: imprint against its references, as whole processes, on the
// article and on a generated novel (bench/make-novel.mjs). Every reference runs
// alternately with imprint (A B A B …) and is compared pair by pair, because this
// kind of machine drifts by ±15 % between calls: the ratios are the figures to
// read, not the seconds. Prints a Markdown report, writes bench/out/report.json
// and bench/out/report.md, and checks issue #7's targets. It asserts nothing:
// the exit status is 0 even when targets are missed (2 only for bad flags).
//
//   node bench/run.mjs [--runs N] [--quick] [--only GROUPS] [--no-refs] [--batch N]
//     --runs N      timed runs per case after one warm-up (default 5; --quick: 2)
//     --quick       fewer runs, no WeasyPrint on the novel, a 60-book batch
//     --only LIST   comma-separated groups: article,novel,linearity,batch,stages
//     --no-refs     imprint only (no pandoc, WeasyPrint, Typst)
//     --batch N     books in the batch case (default 200)
//
// References, each used only when present: pandoc; WeasyPrint (pandoc → HTML →
// weasyprint); Typst 0.14 in-process through the npm package
// @myriaddreamin/typst-ts-node-compiler, looked for in $IMPRINT_BENCH_TYPST (a
// node_modules folder) or bench/tools/node_modules. Install it outside the
// project's dependencies:  npm install --prefix bench/tools @myriaddreamin/typst-ts-node-compiler

import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, makeNovel, writeNovel, ARTICLE } from './make-novel.mjs';
import { markdownToTypst, TYPST_FONT_DIRS } from './md2typ.mjs';
import { measure, median, rssMethod } from './measure.mjs';

const CLI = path.join(ROOT, 'lib/cli/main.js');
// IMPRINT_BENCH_OUT moves the run folders and the reports (the generated books stay in bench/out).
const OUT = process.env.IMPRINT_BENCH_OUT ? path.resolve(process.env.IMPRINT_BENCH_OUT) : path.join(ROOT, 'bench/out');
const RUNS = path.join(OUT, 'runs');
const NODE = process.execPath;

// ---------------------------------------------------------------------------
// Flags

let flags;
try {
  flags = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      'no-refs': { type: 'boolean' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (err) {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exit(2);
}
if (flags.help) {
  const head = (await fs.readFile(new URL(import.meta.url), 'utf8')).split('\n').slice(1, 25);
  process.stdout.write(head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const QUICK = flags.quick ?? false;
const RUN_COUNT = Number(flags.runs ?? (QUICK ? 2 : 5));
const BATCH_BOOKS = Number(flags.batch ?? (QUICK ? 60 : 200));
const GROUPS = new Set((flags.only ?? 'article,novel,linearity,batch,stages').split(',').map((s) => s.trim()));
const REFS = !flags['no-refs'];
if (!Number.isInteger(RUN_COUNT) || RUN_COUNT < 1 || !Number.isInteger(BATCH_BOOKS) || BATCH_BOOKS < 2) {
  process.stderr.write('bench: --runs must be ≥ 1 and --batch ≥ 2\n');
  process.exit(2);
}
if (!existsSync(CLI)) {
  process.stderr.write(`bench: ${path.relative(process.cwd(), CLI)} is missing; run \`npm run compile\` first\n`);
  process.exit(1);
}

const log = (s) => process.stderr.write(s + '\n');

// ---------------------------------------------------------------------------
// Tools

function version(cmd, args = ['--version']) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0].trim() : undefined;
}

function findTypst() {
  const candidates = [process.env.IMPRINT_BENCH_TYPST, path.join(ROOT, 'bench/tools/node_modules')].filter(Boolean);
  for (const dir of candidates) {
    const pkg = path.join(dir, '@myriaddreamin/typst-ts-node-compiler/package.json');
    if (existsSync(pkg)) return { modules: path.resolve(dir), pkg };
  }
  return undefined;
}

const tools = {
  pandoc: REFS ? version('pandoc') : undefined,
  weasyprint: REFS ? version('weasyprint') : undefined,
  typst: undefined,
};
const typst = REFS ? findTypst() : undefined;
if (typst) {
  const pkg = JSON.parse(await fs.readFile(typst.pkg, 'utf8'));
  tools.typst = `typst.ts node compiler ${pkg.version} (Typst 0.14)`;
}
const cliHelp = spawnSync(NODE, [CLI, 'build', '--help'], { encoding: 'utf8' }).stdout ?? '';
const cliBatch = cliHelp.includes('--jobs') && cliHelp.includes('--each');

// ---------------------------------------------------------------------------
// Inputs

log('bench: preparing inputs…');
const novel = await writeNovel({});
const inputs = { article: ARTICLE, novel: novel.file };
if (GROUPS.has('linearity')) inputs['novel-x4'] = (await writeNovel({ scale: 4 })).file;
const batchDir = path.join(OUT, `batch-${BATCH_BOOKS}`);
if (GROUPS.has('batch')) await makeBatch(batchDir, BATCH_BOOKS);

/** Article-sized books, each with its own title (so its own file names) and text. */
async function makeBatch(dir, count) {
  await fs.mkdir(dir, { recursive: true });
  const article = await fs.readFile(ARTICLE, 'utf8');
  for (let i = 1; i <= count; i++) {
    const name = `dispatch-${String(i).padStart(3, '0')}`;
    const { text } = makeNovel(article, { words: 1_115, chapters: 1, seed: 7_000 + i, title: `Dispatch ${i}` });
    const file = path.join(dir, `${name}.md`);
    const old = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (old !== text) await fs.writeFile(file, text);
  }
}

// ---------------------------------------------------------------------------
// Cases: one command each, run in its own output folder

const cases = new Map();
function defineCase(id, label, build) {
  const dir = path.join(RUNS, id.replace(/[^a-z0-9-]+/gi, '-'));
  cases.set(id, { id, label, dir, build, samples: [], errors: [], warm: false, ...build(dir) });
}

const FORMAT_SETS = { epub: 'epub', pdf: 'pdf', txt: 'txt', all: 'epub,pdf,txt' };
for (const doc of Object.keys(inputs)) {
  for (const [name, formats] of Object.entries(FORMAT_SETS)) {
    defineCase(`imprint:${doc}:${name}`, `imprint ${doc} ${name === 'all' ? 'EPUB+PDF+TXT' : name.toUpperCase()}`, (dir) => ({
      cmd: NODE,
      args: [CLI, 'build', inputs[doc], '--out', dir, '--formats', formats],
      env: { ...process.env, IMPRINT_TIMINGS: '1' },
    }));
  }
}
defineCase('floor', '`node -e 0`', () => ({ cmd: NODE, args: ['-e', '0'] }));
if (tools.pandoc) {
  for (const doc of ['article', 'novel']) {
    defineCase(`pandoc:${doc}:epub`, `pandoc ${doc} EPUB`, (dir) => ({ cmd: 'pandoc', args: [inputs[doc], '-o', path.join(dir, 'out.epub')] }));
    defineCase(`pandoc:${doc}:plain`, `pandoc ${doc} plain text`, (dir) => ({ cmd: 'pandoc', args: [inputs[doc], '-t', 'plain', '-o', path.join(dir, 'out.txt')] }));
  }
}
if (tools.pandoc && tools.weasyprint) {
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  defineCase('weasy:article', 'pandoc → HTML → WeasyPrint article PDF', (dir) => ({
    cmd: 'sh',
    args: ['-c', `pandoc ${q(inputs.article)} -s -o ${q(dir + '/out.html')} && weasyprint ${q(dir + '/out.html')} ${q(dir + '/out.pdf')}`],
  }));
  defineCase('chain:novel', 'pandoc ×3 + WeasyPrint novel (EPUB+TXT+PDF)', (dir) => ({
    cmd: 'sh',
    args: [
      '-c',
      [
        `pandoc ${q(inputs.novel)} -o ${q(dir + '/out.epub')}`,
        `pandoc ${q(inputs.novel)} -t plain -o ${q(dir + '/out.txt')}`,
        `pandoc ${q(inputs.novel)} -s -o ${q(dir + '/out.html')}`,
        `weasyprint ${q(dir + '/out.html')} ${q(dir + '/out.pdf')}`,
      ].join(' && '),
    ],
  }));
}
if (typst) {
  for (const doc of ['article', 'novel']) {
    defineCase(`typst:${doc}`, `Typst 0.14 ${doc} PDF (compile + PDF + write)`, (dir) => ({
      cmd: NODE,
      args: [path.join(ROOT, 'bench/typst-compile.mjs'), typst.modules, path.join(dir, 'in.typ'), path.join(dir, 'out.pdf'), ...TYPST_FONT_DIRS],
      // Typst's own work is what the compiler process reports, without Node's start.
      inner: (stdout) => {
        const t = JSON.parse(stdout.trim().split('\n').pop());
        return t.compileMs + t.pdfMs + t.writeMs;
      },
      prepare: async (dir) => fs.writeFile(path.join(dir, 'in.typ'), markdownToTypst(await fs.readFile(inputs[doc], 'utf8'))),
    }));
  }
}
for (const jobs of [1, 2]) {
  defineCase(`batch:jobs${jobs}`, `imprint batch of ${BATCH_BOOKS} articles, --jobs ${jobs}`, (dir) => ({
    cmd: NODE,
    args: cliBatch
      ? [CLI, 'build', batchDir, '--each', '--jobs', String(jobs), '--out', dir, '--quiet']
      : [path.join(ROOT, 'bench/batch-driver.mjs'), batchDir, String(jobs), dir],
  }));
}

// ---------------------------------------------------------------------------
// Running

async function runOnce(c) {
  if (!c.prepared) {
    await fs.rm(c.dir, { recursive: true, force: true });
    await fs.mkdir(c.dir, { recursive: true });
    if (c.prepare) await c.prepare(c.dir);
    c.prepared = true;
  }
  const r = await measure(c.cmd, c.args, { cwd: ROOT, env: c.env });
  if (r.status !== 0) {
    c.errors.push(`exit ${r.status}: ${gist(r.stderr)}`);
    return undefined;
  }
  const sample = { ms: r.wallMs, wallMs: r.wallMs, rssMiB: r.rssMiB, cpuS: r.cpuS };
  if (c.inner) sample.ms = c.inner(r.stdout);
  const timings = parseTimings(r.stderr);
  if (timings) sample.timings = timings;
  c.lastStdout = r.stdout;
  return sample;
}

/** The lines of a failure's stderr that say what went wrong (no warnings, no stack). */
function gist(stderr) {
  const said = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/warning:|^at |^\{/.test(l));
  const telling = said.filter((l) => /^imprint:|Error\b|error:/.test(l));
  return (telling.length ? telling : said).slice(0, 2).join(' / ');
}

/** IMPRINT_TIMINGS=1 makes the CLI print its stage timings as one JSON line on stderr. */
function parseTimings(stderr) {
  for (const line of stderr.split('\n').reverse()) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      const obj = JSON.parse(t);
      return obj.timings ?? obj.stages ?? obj;
    } catch {
      /* not ours */
    }
  }
  return undefined;
}

/** The first run of every case only warms the page cache and is not counted. */
async function warm(c) {
  if (c.warm || c.broken) return !c.broken;
  c.warm = true;
  log(`  warm-up ${c.label}`);
  const s = await runOnce(c);
  if (!s) {
    c.broken = true;
    log(`  ✗ ${c.label}: ${c.errors.at(-1)}`);
  }
  return !c.broken;
}

const pairs = [];
/** Runs A and B alternately `rounds` times; ratio = A ÷ B per round. */
async function pair(aId, bId, rounds, { warmUp = true, label } = {}) {
  const a = cases.get(aId);
  const b = cases.get(bId);
  if (!a || !b) return;
  const p = { a: aId, b: bId, label: label ?? `${a.label} ÷ ${b.label}`, ratios: [], cpuRatios: [] };
  pairs.push(p);
  if (warmUp) {
    const [okA, okB] = [await warm(a), await warm(b)];
    // One side broken: the other is still worth its row in the table.
    if (!okA || !okB) {
      if (okA && a.samples.length === 0) await alone(aId, rounds);
      if (okB && b.samples.length === 0) await alone(bId, rounds);
      return;
    }
  } else {
    a.warm = b.warm = true;
  }
  // A failed run costs its pair, not the case: it is logged and the rounds go on,
  // unless the same side fails twice running.
  const failures = { a: 0, b: 0 };
  for (let i = 0; i < rounds; i++) {
    const sa = await runOnce(a);
    const sb = await runOnce(b);
    for (const [side, c, sample] of [['a', a, sa], ['b', b, sb]]) {
      if (sample) {
        c.samples.push(sample);
        failures[side] = 0;
      } else {
        log(`  ✗ ${c.label}: ${c.errors.at(-1)}`);
        failures[side]++;
      }
    }
    if (sa && sb) {
      p.ratios.push(sa.ms / sb.ms);
      if (sa.cpuS && sb.cpuS) p.cpuRatios.push(sa.cpuS / sb.cpuS);
      log(`  ${p.label}: ${(sa.ms / 1000).toFixed(3)} s / ${(sb.ms / 1000).toFixed(3)} s = ${(sa.ms / sb.ms).toFixed(3)}`);
    }
    if (failures.a >= 2 || failures.b >= 2) break;
  }
}

async function alone(id, rounds) {
  const c = cases.get(id);
  if (!c || !(await warm(c))) return;
  for (let i = 0, failed = 0; i < rounds && failed < 2; i++) {
    const s = await runOnce(c);
    if (s) c.samples.push(s);
    else log(`  ✗ ${c.label}: ${c.errors.at(-1)}`);
    failed = s ? 0 : failed + 1;
  }
  log(`  ${c.label}: ${c.samples.length ? (median(c.samples.map((s) => s.ms)) / 1000).toFixed(3) + ' s' : 'failed'}`);
}

const loadBefore = os.loadavg();
const started = performance.now();

if (GROUPS.has('article')) {
  log('bench: article');
  await pair('imprint:article:all', 'floor', RUN_COUNT * 2);
  await pair('imprint:article:epub', 'pandoc:article:epub', RUN_COUNT);
  await pair('imprint:article:txt', 'pandoc:article:plain', RUN_COUNT);
  await pair('imprint:article:pdf', 'typst:article', RUN_COUNT);
  await pair('imprint:article:pdf', 'weasy:article', RUN_COUNT);
  for (const f of ['all', 'pdf', 'epub', 'txt']) if (cases.get(`imprint:article:${f}`).samples.length === 0) await alone(`imprint:article:${f}`, RUN_COUNT);
}
if (GROUPS.has('novel')) {
  log('bench: novel');
  await pair('imprint:novel:all', 'pandoc:novel:epub', RUN_COUNT);
  await pair('imprint:novel:pdf', 'typst:novel', RUN_COUNT);
  await pair('imprint:novel:epub', 'pandoc:novel:epub', RUN_COUNT);
  await pair('imprint:novel:txt', 'pandoc:novel:plain', RUN_COUNT);
  for (const f of ['all', 'pdf', 'epub', 'txt']) if (cases.get(`imprint:novel:${f}`).samples.length === 0) await alone(`imprint:novel:${f}`, RUN_COUNT);
  // WeasyPrint takes ~30 s on the novel: two pairs, no warm-up of its own.
  if (!QUICK) await pair('imprint:novel:all', 'chain:novel', 2, { warmUp: false });
}
if (GROUPS.has('linearity')) {
  log('bench: linearity (4× novel)');
  await pair('imprint:novel-x4:all', 'imprint:novel:all', QUICK ? 1 : Math.min(RUN_COUNT, 3), { warmUp: !QUICK, label: 'imprint 4× novel ÷ novel, EPUB+PDF+TXT' });
}
if (GROUPS.has('batch')) {
  log(`bench: batch of ${BATCH_BOOKS} (${cliBatch ? 'CLI --each --jobs' : 'bench/batch-driver.mjs: the CLI has no --jobs yet'})`);
  // A batch run is a minute or more: no warm-up (the CLI's files are warm by now).
  await pair('batch:jobs1', 'batch:jobs2', QUICK ? 1 : Math.min(RUN_COUNT, 2), { warmUp: false, label: `batch of ${BATCH_BOOKS}: --jobs 1 ÷ --jobs 2 (throughput gain)` });
}
let stages;
if (GROUPS.has('stages')) {
  log('bench: in-process stages (bench/stages.mjs)');
  stages = {};
  for (const [doc, repeats] of [['article', 5], ['novel', 3]]) {
    const r = spawnSync(NODE, [path.join(ROOT, 'bench/stages.mjs'), inputs[doc], '--repeats', String(QUICK ? 2 : repeats), '--json'], { cwd: ROOT, encoding: 'utf8' });
    try {
      stages[doc] = JSON.parse(r.stdout);
    } catch {
      stages[doc] = { error: gist(r.stderr || r.stdout) };
    }
  }
}
const loadAfter = os.loadavg();

// ---------------------------------------------------------------------------
// Report

const sec = (ms) => (ms / 1000).toFixed(3);
const x = (r) => (Number.isFinite(r) ? r.toFixed(2) + '×' : '—');

async function outputs(c) {
  const files = await fs.readdir(c.dir).catch(() => []);
  const out = [];
  for (const f of files.sort()) {
    if (f.endsWith('.typ') || f.endsWith('.html') || f.startsWith('.')) continue;
    const st = await fs.stat(path.join(c.dir, f));
    if (!st.isFile()) continue;
    let pages = '';
    if (f.endsWith('.pdf')) {
      const info = spawnSync('pdfinfo', [path.join(c.dir, f)], { encoding: 'utf8' });
      const m = /Pages:\s+(\d+)/.exec(info.stdout ?? '');
      if (m) pages = `, ${m[1]} pp`;
    }
    out.push(`${path.extname(f).slice(1)} ${st.size.toLocaleString('en')}${pages}`);
  }
  return files.length > 20 ? `${files.length} files` : out.join(' · ');
}

function summarize(c) {
  const ms = c.samples.map((s) => s.ms);
  const rss = c.samples.map((s) => s.rssMiB).filter((v) => v !== undefined);
  const cpu = c.samples.map((s) => s.cpuS).filter((v) => v !== undefined);
  return {
    id: c.id,
    label: c.label,
    n: ms.length,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    wallMedianMs: median(c.samples.map((s) => s.wallMs)),
    cpuMedianS: cpu.length ? median(cpu) : undefined,
    peakRssMiB: rss.length ? Math.max(...rss) : undefined,
    errors: c.errors,
    timings: medianTimings(c.samples),
  };
}

function medianTimings(samples) {
  const keys = new Set();
  for (const s of samples) if (s.timings && typeof s.timings === 'object') for (const [k, v] of Object.entries(s.timings)) if (typeof v === 'number') keys.add(k);
  if (keys.size === 0) return undefined;
  return Object.fromEntries([...keys].map((k) => [k, median(samples.map((s) => s.timings?.[k]).filter((v) => typeof v === 'number'))]));
}

const used = [...cases.values()].filter((c) => c.warm || c.samples.length);
const summaries = [];
const lines = [];
lines.push(`# imprint benchmark`, '');
lines.push(
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after; ${RUN_COUNT} runs per case after a warm-up${QUICK ? ' (--quick)' : ''}; peak RSS via ${rssMethod}.`,
);
const busy = Math.max(...loadBefore.slice(0, 1), ...loadAfter.slice(0, 1), loadAfter[1]);
if (busy > os.cpus().length) {
  lines.push(`**The machine was busy** (load average up to ${busy.toFixed(1)} on ${os.cpus().length} cores): other processes took CPU during the runs, so absolute times are inflated and even paired wall ratios are noisy; read the min–max and the CPU ratios.`);
}
lines.push(
  REFS
    ? `References: ${tools.pandoc ?? 'pandoc absent'} · ${tools.weasyprint ?? 'WeasyPrint absent'} · ${tools.typst ?? 'Typst absent (see bench/README.md)'}.`
    : 'References: not run (--no-refs).',
);
lines.push(`Novel: ${Object.entries(novel.stats).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}.`, '');
lines.push('| case | median s [min–max] | n | CPU s | peak RSS MiB | output (bytes) |', '| --- | --- | ---: | ---: | ---: | --- |');
for (const c of used) {
  const s = summarize(c);
  s.output = await outputs(c);
  summaries.push(s);
  if (s.n === 0) {
    lines.push(`| ${c.label} | failed: ${(c.errors.at(-1) ?? 'no run').replace(/\|/g, '/')} | 0 | | | |`);
    continue;
  }
  const whole = c.inner ? ` (whole process ${sec(s.wallMedianMs)})` : '';
  lines.push(
    `| ${c.label} | **${sec(s.medianMs)}** [${sec(s.minMs)}–${sec(s.maxMs)}]${whole} | ${s.n} | ${s.cpuMedianS?.toFixed(2) ?? '—'} | ${s.peakRssMiB?.toFixed(0) ?? '—'} | ${s.output} |`,
  );
}
lines.push(
  '',
  '## Paired ratios (median of per-pair ratios, [min–max])',
  '',
  'The wall ratio is what the targets use. Two steadier views when other work shares the machine: best ÷ best (fastest A run',
  '÷ fastest B run: interference only ever adds time), and CPU time (user + sys of the process tree; it counts every thread,',
  'so it favours single-threaded tools less than wall time does).',
  '',
  '| pair | wall ratio | best ÷ best | CPU ratio | pairs |',
  '| --- | --- | --- | --- | ---: |',
);
const pairSummaries = pairs.map((p) => ({
  ...p,
  median: median(p.ratios),
  min: Math.min(...p.ratios),
  max: Math.max(...p.ratios),
  cpuMedian: p.cpuRatios.length ? median(p.cpuRatios) : undefined,
  best: p.ratios.length ? Math.min(...cases.get(p.a).samples.map((s) => s.ms)) / Math.min(...cases.get(p.b).samples.map((s) => s.ms)) : undefined,
}));
for (const p of pairSummaries) {
  lines.push(
    `| ${p.label} | ${p.ratios.length ? `**${x(p.median)}** [${x(p.min)}–${x(p.max)}]` : 'not measured'} | ${p.best === undefined ? '—' : x(p.best)} | ${p.cpuMedian === undefined ? '—' : x(p.cpuMedian)} | ${p.ratios.length} |`,
  );
}

const stageRows = [];
for (const s of summaries) if (s.timings) stageRows.push([s.label, s.timings]);
if (stageRows.length) {
  lines.push('', '## Stage timings reported by the CLI (IMPRINT_TIMINGS=1), medians in ms', '');
  for (const [label, t] of stageRows) lines.push(`- ${label}: ${Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`);
}
if (stages) {
  lines.push('', '## In-process stages (bench/stages.mjs): first run (cold) and median of the later runs (warm), ms', '');
  for (const [doc, st] of Object.entries(stages)) {
    if (st.error) {
      lines.push(`- ${doc}: failed: ${st.error}`);
      continue;
    }
    lines.push(`| ${doc} stage | cold | warm |`, '| --- | ---: | ---: |');
    for (const row of st.stages) lines.push(`| ${row.stage} | ${row.cold.toFixed(1)} | ${row.warm === null ? '—' : row.warm.toFixed(1)} |`);
    lines.push(`| peak RSS MiB (in-process, all repeats) | ${st.peakRssMiB.toFixed(0)} | |`, '');
  }
}

// Issue #7's targets, as ratios measured in this run.
const pairRatio = (a, b) => pairSummaries.find((p) => p.a === a && p.b === b);
const targets = [];
function target(name, measured, op, limit, note, pairSummary) {
  const status = measured === undefined || !Number.isFinite(measured) ? 'SKIP' : (op === '≤' ? measured <= limit : measured >= limit) ? 'PASS' : 'FAIL';
  const spread = pairSummary?.ratios.length
    ? ` [pairs ${x(pairSummary.min)}–${x(pairSummary.max)}; best ÷ best ${x(pairSummary.best)}${pairSummary.cpuMedian === undefined ? '' : `; CPU ${x(pairSummary.cpuMedian)}`}]`
    : '';
  targets.push({ name, measured, op, limit, status, note, spread });
}
const unit = (v, u) => (v === undefined || !Number.isFinite(v) ? 'not measured' : u === 'MiB' ? `${v.toFixed(0)} MiB` : x(v));
const byPair = (a, b) => [pairRatio(a, b)?.median, pairRatio(a, b)];
target('novel, all three editions, cold CLI ÷ pandoc EPUB alone', byPair('imprint:novel:all', 'pandoc:novel:epub')[0], '≤', 1.0, undefined, byPair('imprint:novel:all', 'pandoc:novel:epub')[1]);
target('novel PDF alone ÷ Typst 0.14 (compile + PDF + write)', byPair('imprint:novel:pdf', 'typst:novel')[0], '≤', 1.0, undefined, byPair('imprint:novel:pdf', 'typst:novel')[1]);
target('article, all three ÷ `node -e 0`', byPair('imprint:article:all', 'floor')[0], '≤', 3.5, undefined, byPair('imprint:article:all', 'floor')[1]);
const novelAll = summaries.find((s) => s.id === 'imprint:novel:all');
target('novel (all three) peak RSS', novelAll?.peakRssMiB, '≤', 320, 'MiB');
target('linearity: 4× novel ÷ novel time', byPair('imprint:novel-x4:all', 'imprint:novel:all')[0], '≤', 4.4, undefined, byPair('imprint:novel-x4:all', 'imprint:novel:all')[1]);
target(`batch of ${BATCH_BOOKS}: --jobs 2 throughput ÷ --jobs 1`, byPair('batch:jobs1', 'batch:jobs2')[0], '≥', 1.7, undefined, byPair('batch:jobs1', 'batch:jobs2')[1]);
lines.push('', '## Targets (issue #7)', '');
for (const t of targets) lines.push(`- ${t.status} ${t.name}: ${unit(t.measured, t.note)} (target ${t.op} ${t.note === 'MiB' ? t.limit + ' MiB' : t.limit.toFixed(1) + '×'})${t.spread}`);
lines.push('', `Bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);

const markdown = lines.join('\n') + '\n';
process.stdout.write('\n' + markdown);
await fs.mkdir(OUT, { recursive: true });
await fs.writeFile(path.join(OUT, 'report.md'), markdown);
await fs.writeFile(
  path.join(OUT, 'report.json'),
  JSON.stringify(
    {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: os.totalmem() / 2 ** 30, node: process.version, loadBefore, loadAfter, rssMethod },
      options: { runs: RUN_COUNT, quick: QUICK, groups: [...GROUPS], refs: REFS, batchBooks: BATCH_BOOKS, cliBatch },
      tools,
      novel: novel.stats,
      cases: summaries.map((s) => ({ ...s, samples: cases.get(s.id).samples })),
      pairs: pairSummaries,
      stages,
      targets,
    },
    null,
    2,
  ) + '\n',
);
log(`bench: wrote ${path.relative(process.cwd(), path.join(OUT, 'report.json'))} and report.md`);
