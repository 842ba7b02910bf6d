// `imprint build --watch`, run as a user runs it: a long-lived process that
// rebuilds on every save, skips saves that change nothing, survives errors, and
// stops on a signal.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { Project, manuscript } from '../support/project.js';
import { FIXTURES } from '../support/sample-book.js';

/** A running `imprint` whose output can be awaited line by line. */
class Running {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private waiters: { test: () => boolean; resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(args: string[], cwd: string) {
    const env = { ...process.env };
    delete env.SOURCE_DATE_EPOCH;
    this.child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (b: Buffer) => ((this.stdout += b.toString()), this.poke()));
    this.child.stderr!.on('data', (b: Buffer) => ((this.stderr += b.toString()), this.poke()));
    // A process that ends while a test waits for its output fails the test at once.
    this.child.on('exit', (code) => {
      for (const w of this.waiters.splice(0)) if (!w.test()) w.reject(new Error(`imprint exited (${code}) early\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
    });
  }

  private poke(): void {
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
  }

  /** Resolves when `pattern` has matched `count` times in stdout (or stderr). */
  until(pattern: RegExp, count = 1, stream: 'stdout' | 'stderr' = 'stdout', timeoutMs = 120_000): Promise<void> {
    const g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    const test = () => (this[stream].match(g) ?? []).length >= count;
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} ×${count}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  stop(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve(this.child.exitCode);
      this.child.once('exit', (code) => resolve(code));
      this.child.kill('SIGINT');
    });
  }
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
});

const FM = 'title: Watched Book\nauthor: Ada\ndate: 2024-01-01\nlang: en\nslug: watched-book';

describe('imprint build --watch', () => {
  it('rebuilds on a save, skips a save without changes, survives an error, and stops on SIGINT', async () => {
    const p = new Project({ 'manuscript/book.md': manuscript(FM, '# One\n\nThe first version of the text.\n') });
    const w = new Running(['build', '--watch', '--formats', 'txt'], p.dir);
    running.push(w);
    await w.until(/^watching manuscript for changes/m);
    expect(w.stdout).toMatch(/^built in \d+ ms\n {2}wrote dist\/watched-book\.txt \(\d+ bytes, \d+ ms\)$/m);
    const first = p.text('dist/watched-book.txt');
    expect(first).toContain('The first version of the text.');

    // An edit: one rebuild, the edition has the new words.
    p.write('manuscript/book.md', manuscript(FM, '# One\n\nThe second version of the text.\n'));
    await w.until(/^rebuilt in \d+ ms$/m, 1);
    expect(w.stdout).toMatch(/^changed: manuscript\/book\.md$/m);
    const second = p.text('dist/watched-book.txt');
    expect(second).toContain('The second version of the text.');
    expect(second).not.toContain('first version');

    // A save that changes no byte rebuilds nothing.
    const file = path.join(p.dir, 'manuscript/book.md');
    writeFileSync(file, readFileSync(file));
    const later = new Date(Date.now() + 2000);
    utimesSync(file, later, later);
    await w.until(/^saved without changes: manuscript\/book\.md \(not rebuilt\)$/m);

    // A broken manuscript: the error is printed, the old edition stays, the process lives on.
    p.write('manuscript/book.md', manuscript('title: Watched Book\ndate: soon\nslug: watched-book', '# One\n\nBroken.\n'));
    await w.until(/the build failed; the previous editions are unchanged/, 1, 'stderr');
    expect(w.stderr).toMatch(/^imprint: manuscript\/book\.md:\d+: /m);
    expect(p.text('dist/watched-book.txt')).toBe(second);
    expect(w.child.exitCode).toBeNull();

    // Fixed again: rebuilt.
    p.write('manuscript/book.md', manuscript(FM, '# One\n\nThe third version of the text.\n'));
    await w.until(/^rebuilt in \d+ ms$/m, 2);
    expect(p.text('dist/watched-book.txt')).toContain('The third version of the text.');

    expect(await w.stop()).toBe(0);
  });

  it('turns a burst of saves into one build', async () => {
    const p = new Project({ 'manuscript/book.md': manuscript(FM, '# One\n\nVersion 0.\n') });
    const w = new Running(['build', '--watch', '--formats', 'txt'], p.dir);
    running.push(w);
    await w.until(/^watching /m);
    for (let i = 1; i <= 5; i++) p.write('manuscript/book.md', manuscript(FM, `# One\n\nVersion ${i}.\n`));
    await w.until(/^rebuilt in /m);
    // Give a second build time to appear, were there one.
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.stdout.match(/^rebuilt in /gm)).toHaveLength(1);
    expect(p.text('dist/watched-book.txt')).toContain('Version 5.');
    await w.stop();
  });

  it('watches the images the book uses: changing one rebuilds', async () => {
    const png = readFileSync(path.join(FIXTURES, 'kitchen-sink/diagram.png'));
    const p = new Project({
      'manuscript/book.md': manuscript(FM, '# One\n\n![A diagram](../assets/diagram.png)\n'),
      'assets/diagram.png': png,
    });
    const w = new Running(['build', '--watch', '--formats', 'txt'], p.dir);
    running.push(w);
    await w.until(/^watching /m);
    // Other bytes under the same name (trailing bytes after IEND, which PNG readers ignore).
    p.write('assets/diagram.png', Buffer.concat([png, Buffer.from('extra')]));
    await w.until(/^changed: assets\/diagram\.png$/m);
    await w.until(/^rebuilt in /m);
    await w.stop();
  });
});
