#!/usr/bin/env node
// The `imprint` executable. Start-up is most of a small build's time (module
// resolution and compilation cost more than rendering an article), so when the
// bundled CLI is present and current (lib/bundle/imprint.cjs, made by
// scripts/bundle.mjs after tsc) it runs as one script, with the V8 code cache
// written when it was bundled: no module resolution, and the functions a build
// needs arrive compiled. Otherwise (a tsc-only build) the modules are imported as
// they are; both run the same code. IMPRINT_DEBUG_STARTUP=1 says which it was.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('../bundle/imprint.cjs', import.meta.url));
const CACHE = `${BUNDLE}.cache`;

/** The bundle, unless it is missing or older than the compiled modules it was made from. */
function currentBundle(): string | undefined {
  try {
    if (statSync(BUNDLE).mtimeMs < statSync(fileURLToPath(new URL('./imprint.js', import.meta.url))).mtimeMs) return undefined;
    return readFileSync(BUNDLE, 'utf8');
  } catch {
    return undefined;
  }
}

type Wrapper = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;

function runBundle(source: string): void {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // No cache: V8 compiles as it goes, as for any script.
  }
  // The CommonJS wrapper, so the bundle sees the require, module and __filename it was built for.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  if (process.env.IMPRINT_DEBUG_STARTUP) {
    const cache = cachedData === undefined ? 'no code cache' : script.cachedDataRejected ? 'code cache rejected' : 'code cache accepted';
    process.stderr.write(`imprint: starting from ${path.relative(process.cwd(), BUNDLE)} (${cache})\n`);
  }
  const wrapper = script.runInThisContext() as Wrapper;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  // Set only by scripts/bundle.mjs: after a whole build, the cache holds every function it compiled.
  if (process.env.IMPRINT_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(CACHE, script.createCachedData()));
}

const bundled = currentBundle();
if (bundled === undefined) {
  if (process.env.IMPRINT_DEBUG_STARTUP) process.stderr.write('imprint: starting from the compiled modules (no current bundle)\n');
  await import('./imprint.js');
} else runBundle(bundled);
