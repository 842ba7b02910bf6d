// Issue #5, "Pathological structure": each builds valid editions or fails with a
// clear message; never a stack overflow, a hang or a crash.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manuscript, Project } from '../support/project.js';
import { epubcheck, qpdfCheck, requireTool } from '../support/tools.js';

const FM = 'title: Pathological\ndate: 2024-01-01';

function expectValidEditions(p: Project): void {
  expect(p.outputs()).toEqual(['book.epub', 'book.manifest.json', 'book.pdf', 'book.txt']);
  if (requireTool('qpdf')) expect(qpdfCheck(path.join(p.dir, 'dist/book.pdf')).ok).toBe(true);
  if (requireTool('epubcheck')) {
    const check = epubcheck(path.join(p.dir, 'dist/book.epub'));
    expect(check.errors, check.output).toBe(0);
  }
}

describe('pathological structure', () => {
  it('refuses an empty file: "has no text"', () => {
    const p = new Project({ 'manuscript/book.md': '' });
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('imprint: manuscript/book.md: has no text');
  });

  it('refuses a file with only front matter: "has no text"', () => {
    const p = new Project({ 'manuscript/book.md': `---\n${FM}\n---\n\n  \n` });
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^imprint: manuscript\/book\.md(:\d+)?: has no text/);
  });

  it('3,000 nested block quotes: a clear message, exit 1', () => {
    const p = new Project({ 'manuscript/book.md': manuscript(FM, '# H\n\n' + '>'.repeat(3000) + ' deep\n') });
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^imprint: manuscript\/book\.md:8: .*nest/);
  });

  it('lists 300 deep: a clear message, exit 1', () => {
    const lines = Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + '- item ' + i);
    const p = new Project({ 'manuscript/book.md': manuscript(FM, '# H\n\n' + lines.join('\n') + '\n') });
    const r = p.build();
    expect([0, 1]).toContain(r.status);
    if (r.status === 1) expect(r.stderr.split('\n')[0]).toMatch(/^imprint: manuscript\/book\.md:\d+: .*nest/);
    else expectValidEditions(p);
  });

  it('a 20,000-character word builds valid editions', () => {
    const p = new Project({ 'manuscript/book.md': manuscript(FM, '# H\n\nBefore ' + 'x'.repeat(20_000) + ' after.\n') });
    const r = p.build();
    expect(r.status, r.stderr).toBe(0);
    expectValidEditions(p);
    const txt = p.text('dist/book.txt');
    expect(txt.replace(/\s+/g, '')).toContain('x'.repeat(20_000));
  });

  it('2,000 headings build valid editions', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `## Heading ${i + 1}\n\nText ${i + 1}.\n`).join('\n');
    const p = new Project({ 'manuscript/book.md': manuscript(FM, '# Book\n\n' + body) });
    const r = p.build();
    expect(r.status, r.stderr).toBe(0);
    expectValidEditions(p);
  });
});
