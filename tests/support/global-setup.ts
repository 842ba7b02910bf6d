// The CLI tests spawn the compiled and bundled CLI, as a user runs it: compile and
// bundle once first so they never test stale JavaScript. tsc emits even when it reports type errors;
// outside CI those are printed and the run goes on (a half-edited file elsewhere
// should not stop a developer's focused test run), in CI they fail the run.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { encoding: 'utf8' });
  if (r.status !== 0) {
    const report = `${r.stdout}${r.stderr}`;
    if (process.env.CI) throw new Error(`TypeScript compilation failed:\n${report}`);
    console.warn(`warning: tsc reported errors (ignored outside CI):\n${report.split('\n').slice(0, 10).join('\n')}`);
  }
  // The CLI runs the bundle when it is current (src/cli/main.ts): bundle what was just compiled.
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`bundling the CLI failed:\n${b.stdout}${b.stderr}`);
}
