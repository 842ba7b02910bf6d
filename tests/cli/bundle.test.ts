// The executable runs the bundled CLI (lib/bundle/imprint.cjs) from its code cache,
// and the bundle writes exactly what the compiled modules write.

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, ROOT, imprint } from '../support/cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'imprint-bundle-test-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('bundled CLI', () => {
  test('starts from the bundle with its code cache accepted', () => {
    const r = imprint(['--version'], { env: { IMPRINT_DEBUG_STARTUP: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`imprint: starting from ${path.join('lib', 'bundle', 'imprint.cjs')} (code cache accepted)\n`);
    expect(r.stdout).toMatch(/^imprint \d+\.\d+\.\d+\n$/);
  });

  test('writes the same bytes as the compiled modules, edition by edition', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const bundled = path.join(tmp, 'bundled');
    const modules = path.join(tmp, 'modules');
    const a = spawnSync(process.execPath, [CLI, 'build', 'manuscript/article.md', '--out', bundled], { cwd: ROOT, env, encoding: 'utf8' });
    // lib/cli/imprint.js is the command itself, run on import, without the bundle.
    const b = spawnSync(process.execPath, [path.join(ROOT, 'lib/cli/imprint.js'), 'build', 'manuscript/article.md', '--out', modules], { cwd: ROOT, env, encoding: 'utf8' });
    expect([a.status, a.stderr]).toEqual([0, '']);
    expect([b.status, b.stderr]).toEqual([0, '']);
    const names = (await fs.readdir(bundled)).sort();
    expect(names).toEqual(['article.epub', 'article.manifest.json', 'article.pdf', 'article.txt']);
    expect((await fs.readdir(modules)).sort()).toEqual(names);
    for (const name of names) {
      const [x, y] = await Promise.all([fs.readFile(path.join(bundled, name)), fs.readFile(path.join(modules, name))]);
      expect(x.equals(y), name).toBe(true);
    }
  });
});
