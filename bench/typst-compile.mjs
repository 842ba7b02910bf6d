#!/usr/bin/env node
// The Typst 0.14 reference: loads the typst.ts node compiler, compiles one .typ to
// PDF and writes it, then prints {"loadMs","compileMs","pdfMs","writeMs","bytes"}
// as one JSON line. The runner times the whole process from outside too; the
// compile + PDF + write span is Typst's own work.
//
//   node bench/typst-compile.mjs NODE_MODULES IN.typ OUT.pdf FONTDIR…

import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [modules, input, output, ...fontPaths] = process.argv.slice(2);
const t0 = performance.now();
const require = createRequire(path.join(path.resolve(modules), 'noop.js'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(input)), fontArgs: [{ fontPaths }] });
const source = await fs.readFile(input, 'utf8');
const t1 = performance.now();
const compiled = compiler.compile({ mainFileContent: source });
const doc = compiled.result;
if (!doc) {
  process.stderr.write('typst: compilation failed\n');
  compiled.printDiagnostics?.();
  process.exit(1);
}
const t2 = performance.now();
// A fixed timestamp keeps the reference PDF itself reproducible.
const pdf = compiler.pdf(doc, { creationTimestamp: 1_700_000_000 });
const t3 = performance.now();
await fs.writeFile(output, pdf);
const t4 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, compileMs: t2 - t1, pdfMs: t3 - t2, writeMs: t4 - t3, bytes: pdf.length }) + '\n');
