// Issue #5, "Encoding": BOM and CRLF change nothing; invalid UTF-8 is named by
// line and byte; characters XML forbids are removed with a warning; NFC.

import { describe, expect, it } from 'vitest';
import { manuscript, Project } from '../support/project.js';

const BODY = '# Chapter\n\nA paragraph with “quotes” and café.\n\n## Section\n\nMore text[^1].\n\n[^1]: A note.\n';
const SOURCE = manuscript('title: Encoding\nauthor: Someone\ndate: 2024-01-01', BODY);

describe('encoding', () => {
  it('gives identical editions for a UTF-8 BOM and CRLF line endings', () => {
    const plain = new Project({ 'manuscript/book.md': SOURCE });
    const bom = new Project({ 'manuscript/book.md': '\uFEFF' + SOURCE.replace(/\n/g, '\r\n') });
    expect(plain.build().status).toBe(0);
    const r = bom.build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    for (const f of ['dist/book.epub', 'dist/book.pdf', 'dist/book.txt']) expect(bom.read(f).equals(plain.read(f)), f).toBe(true);
  });

  it('names the line and byte offset of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(manuscript('title: T\ndate: 2024-01-01', '# H\n\nGood line.\n\nBad ')), Buffer.from([0xc3, 0x28]), Buffer.from(' here.\n')]);
    const offset = bytes.indexOf(0xc3);
    const p = new Project({ 'manuscript/book.md': bytes });
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`imprint: manuscript/book.md:10: invalid UTF-8 at byte ${offset}`);
    expect(p.outputs()).toEqual([]);
  });

  it('removes characters XML 1.0 forbids, with a warning naming the line', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01', '# H\n\nNUL\u0000here and bell\u0007there.\n') });
    const r = p.build();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:8: warning: .*U\+0000/m);
    const txt = p.text('dist/book.txt');
    expect(txt).toContain('NULhere and bellthere.');
    expect(txt).not.toMatch(/[\u0000\u0007]/);
  });

  it('normalises text to NFC', () => {
    const p = new Project({ 'manuscript/book.md': manuscript('title: Cafe\u0301\ndate: 2024-01-01', '# H\n\nCafe\u0301 society.\n') });
    expect(p.build(['--formats', 'txt']).status).toBe(0);
    const txt = p.text('dist/book.txt');
    expect(txt).toContain('Caf\u00e9 society.');
    expect(txt).not.toContain('e\u0301');
  });
});
