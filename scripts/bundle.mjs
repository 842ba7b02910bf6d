#!/usr/bin/env node
// Bundles the compiled CLI (lib/, from tsc) into lib/bundle/imprint.cjs and the batch
// worker into lib/bundle/worker.cjs, then builds a small sample book once with the
// bundle to record V8's code cache beside it (lib/bundle/imprint.cjs.cache).
// lib/cli/main.js runs the bundle with that cache: a cold start then skips resolving and
// compiling ~270 modules, which was most of the time of building an article.
//
// The modules load pdfkit, fontkit, bidi-js and js-yaml through createRequire (one
// fontkit instance, see src/fonts/open-font.ts); here those become plain requires so
// that esbuild bundles them too. What stays outside: resvg (a native addon), the
// hyphenation patterns (required by language at run time) and pdfkit's data files,
// all found from lib/bundle/ through node_modules as before.
//
//   node scripts/bundle.mjs            (run by `npm run compile` and `prepare`)

import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'lib/bundle');

/** Our compiled modules: their createRequire-made `require` becomes the bundle's own. */
const plainRequire = {
  name: 'plain-require',
  setup(build) {
    const ours = new RegExp(`^${path.join(ROOT, 'lib').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}[\\\\/].*\\.js$`);
    build.onLoad({ filter: ours }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      return {
        contents: source
          .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
          .replaceAll('createRequire(import.meta.url)(', 'require('),
        loader: 'js',
      };
    });
    // pdfkit finds its ICC profile and standard-font metrics from its own file name.
    build.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      return { contents: source.replaceAll('__filename', 'require.resolve("pdfkit")'), loader: 'js' };
    });
  },
};

await fs.rm(OUT, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { imprint: 'lib/cli/imprint.js', worker: 'lib/build/worker.js' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@resvg/resvg-js', 'fsevents'],
  // import.meta does not exist in CommonJS; every use of ours wants this file's URL.
  define: { 'import.meta.url': '__imprintModuleUrl' },
  banner: { js: "const __imprintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [plainRequire],
  legalComments: 'none',
  minifyWhitespace: true,
  logLevel: 'error',
});

// lib/cli/main.ts runs the bundle as a vm.Script, which has no loader for import():
// an outside module has to be required (as resvg is), or the build breaks at run time.
for (const file of ['imprint.cjs', 'worker.cjs']) {
  const text = await fs.readFile(path.join(OUT, file), 'utf8');
  const found = /(?<![\w$.])import\(\s*["'`]?([^)"'`]{0,60})/.exec(text);
  if (found) throw new Error(`lib/bundle/${file} still has a dynamic import (of ${found[1] || 'an expression'}); require it instead`);
}

// A book that takes the common paths of every edition: chapters, sections, emphasis,
// a note, lists, a quotation, a table, a cover.
const SAMPLE = `---
title: Code cache sample
author: Imprint
date: 2024-01-01
lang: en
---

# First chapter

An opening paragraph with *emphasis*, **strong words**, \`code\` and a note.[^1] It is long
enough to be broken into several lines, hyphenated where the patterns allow, and justified.

## A section

- one item
- another item

1. first
2. second

> A quotation, set apart.

| a | b |
|---|---|
| 1 | 2 |

# Second chapter

More text, so the contents page has two entries and the PDF two chapters.

[^1]: The note, set at the foot of its page.
`;

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'imprint-bundle-'));
try {
  await fs.writeFile(path.join(tmp, 'sample.md'), SAMPLE);
  const run = spawnSync(process.execPath, [path.join(ROOT, 'lib/cli/main.js'), 'build', path.join(tmp, 'sample.md'), '--out', path.join(tmp, 'out')], {
    env: { ...process.env, IMPRINT_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the bundled CLI failed to build the sample:\n${run.stdout}${run.stderr}`);
} finally {
  await fs.rm(tmp, { recursive: true, force: true });
}
