#!/usr/bin/env node
// Builds every .md file of a folder as its own book through buildBatch(), for the
// bench while the CLI has no `--each --jobs` yet. Exit 1 when any book failed.
//
//   node bench/batch-driver.mjs FOLDER JOBS OUTDIR

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { buildBatch, expandInputs } = await import(path.join(ROOT, 'lib/build/batch.js'));
const [folder, jobs, outDir] = process.argv.slice(2);
const inputs = await expandInputs([folder], true);
const results = await buildBatch(inputs, { outDir, formats: ['epub', 'pdf', 'txt'], width: 72, keepGoing: false }, Number(jobs), () => {});
const failed = results.filter((r) => !r.ok);
for (const r of failed) process.stderr.write(`${r.error.message}\n`);
process.exitCode = failed.length ? 1 : 0;
