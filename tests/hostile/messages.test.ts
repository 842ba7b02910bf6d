// Issue #5, "Messages" and "Nothing lost": one line, file and line, exit status
// by kind; warnings on stderr; --strict makes them errors; no partial files.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manuscript, Project } from '../support/project.js';

describe('messages and exit statuses', () => {
  it('reports a wrong front-matter type naming the key and its line', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01\ntoc-depth: deep', '# H\n\nText.\n') });
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^imprint: manuscript\/book\.md:4: front matter "toc-depth" /);
  });

  it('warns about an unknown key on stderr without changing the exit status', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01\ncolour: blue', '# H\n\nText.\n') });
    const r = p.build(['--formats', 'txt']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:4: warning: .*"colour"/m);
    expect(r.stdout).not.toMatch(/warning/);
  });

  it('--strict turns warnings into an error and writes nothing', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01\ncolour: blue', '# H\n\nText.\n') });
    const r = p.build(['--strict']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--strict/);
    expect(p.outputs()).toEqual([]);
  });

  it('exit 2 for usage errors, with a hint', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01', '# H\n\nText.\n') });
    const r = p.build(['--width', 'wide']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^imprint: --width must be a whole number/);
  });

  it('refuses an unwritable output folder, exit 2', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01', '# H\n\nText.\n') });
    const r = p.build(['--out', '/sys/imprint-cannot-write-here']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^imprint: --out \/sys\/imprint-cannot-write-here: cannot write/);
  });

  it('leaves no temporary files behind after a failed build', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01', '# H\n\nText.\n') });
    expect(p.build().status).toBe(0);
    p.write('manuscript/book.md', manuscript('title: T\ndate: 2024-01-01', '# H\n\n![x](missing.png)\n'));
    expect(p.build().status).toBe(1);
    expect(readdirSync(path.join(p.dir, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
