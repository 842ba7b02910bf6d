// `imprint init`: a new project whose sample chapter teaches the front matter by
// showing every key, and which builds at once.

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imprint } from '../support/cli.js';
import { tmpDir } from '../support/tools.js';
import { frontMatterOf, schemaKeys } from './front-matter-helpers.js';

function frontMatterLines(md: string): string[] {
  return md.split('\n---\n')[0].split('\n').slice(1);
}

describe('imprint init', () => {
  it('makes manuscript/ with a sample chapter, assets/ and a .gitignore for dist/', () => {
    const dir = tmpDir();
    const r = imprint(['init', 'my-first_novel', '--date', '2026-03-01'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const root = path.join(dir, 'my-first_novel');
    expect(readdirSync(root).sort()).toEqual(['.gitignore', 'assets', 'manuscript']);
    expect(readdirSync(path.join(root, 'manuscript'))).toEqual(['01-chapter.md']);
    expect(existsSync(path.join(root, 'assets/.gitkeep'))).toBe(true);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(r.stdout).toContain('wrote my-first_novel/manuscript/01-chapter.md');
    expect(r.stdout).toContain('  cd my-first_novel\n  imprint build');
  });

  it('shows every front-matter key, each under a comment, identifier and cover commented out', () => {
    const dir = tmpDir();
    imprint(['init', 'my-first_novel', '--date', '2026-03-01'], { cwd: dir });
    const md = readFileSync(path.join(dir, 'my-first_novel/manuscript/01-chapter.md'), 'utf8');
    const fm = frontMatterOf(md);
    const present = Object.entries(fm).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((n) => `${k}.${n}`) : [k]));
    expect(present.sort()).toEqual(schemaKeys().filter((k) => k !== 'identifier' && k !== 'cover').sort());
    const lines = frontMatterLines(md);
    expect(lines).toContain('# identifier: urn:isbn:9780000000002');
    expect(lines).toContain('# cover: ../assets/cover.jpg');
    // Every key line (commented out or not) has a comment line just above it.
    const names = new Set(schemaKeys().flatMap((k) => k.split('.')));
    const keyLines = lines.filter((l) => names.has(/^\s*(?:# )?([a-z-]+):/.exec(l)?.[1] ?? ''));
    expect(keyLines).toHaveLength(schemaKeys().length + 1); // and the pdf: line
    for (const l of keyLines) expect(lines[lines.indexOf(l) - 1], `comment above "${l}"`).toMatch(/^\s*# [A-Z]|^\s*# true:/);
    expect(fm.title).toBe('My First Novel');
    expect(fm.slug).toBe('my-first-novel');
    expect(fm.date).toBe('2026-03-01');
  });

  it('refuses a folder that is not empty unless --force, and then keeps what is there', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript/01-chapter.md'), 'my own chapter\n');
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/');
    const r = imprint(['init'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^imprint: init: \. is not empty \(2 entries\).*--force/);
    const forced = imprint(['init', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(path.join(dir, 'manuscript/01-chapter.md'), 'utf8')).toBe('my own chapter\n');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist/\n');
    expect(forced.stdout).toContain('kept manuscript/01-chapter.md (it exists)');
    expect(forced.stdout).toContain('added dist/ to .gitignore');
  });

  it('refuses a file as the folder and a bad --date (exit 2)', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'file'), '');
    expect(imprint(['init', 'file'], { cwd: dir }).status).toBe(2);
    expect(imprint(['init', 'x', '--date', '2026-13-01'], { cwd: dir }).status).toBe(2);
  });
});
