// The author's and archivist's workflow end to end, through the real reader and
// editions: import → build gives the same text as the hand-made manuscript,
// init → build → check passes, and a build's manifest verifies.

import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, imprint } from '../support/cli.js';
import { Project } from '../support/project.js';
import { haveTool, requireTool, tmpDir } from '../support/tools.js';

const SEED = path.join(ROOT, 'tests/fixtures/seed-article.txt');
const ENV = { SOURCE_DATE_EPOCH: '1764115200' }; // 2025-11-26, fixed so both builds agree

/** The text edition from its first body paragraph on: the title block and contents differ by front matter. */
function fromBody(text: string, firstWords: string): string {
  const at = text.indexOf(firstWords);
  if (at < 0) throw new Error(`"${firstWords}" not in the text edition`);
  return text.slice(at);
}

describe('import, then build', () => {
  it('gives the same text edition as the bundled manuscript, apart from the title block', () => {
    const p = new Project({ 'article.txt': readFileSync(SEED) });
    const noon = new Date('2026-11-26T12:00:00Z');
    utimesSync(path.join(p.dir, 'article.txt'), noon, noon);
    expect(imprint(['import', 'article.txt'], { cwd: p.dir }).status).toBe(0);
    const imported = p.build(['manuscript/article.md', '--formats', 'txt', '--out', 'imported'], ENV);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    p.write('bundled/article.md', readFileSync(path.join(ROOT, 'manuscript/article.md')));
    const bundled = p.build(['bundled/article.md', '--formats', 'txt', '--out', 'ref'], ENV);
    expect(bundled.status).toBe(0);
    const mine = p.text('imported/article.txt');
    const theirs = p.text('ref/article.txt');
    const first = 'Iran has publicly ruled out';
    expect(fromBody(mine, first)).toBe(fromBody(theirs, first));
  });

  it('keeps every word of a text full of Markdown-significant characters', () => {
    const lines = [
      '# Not a heading, 50% *off* _today_ [link](x) <b>tag</b> & &amp; a\\b `code` ~tilde~ H~2~O',
      '- not a list, + nor this, * nor this',
      '1. Not a list item either.',
      '> Not a quote, 3 > 2 and 2 < 3.',
      '--- not a rule ---',
      'Snake_case_words and 2*3*4 = 24 stay as they are.',
    ];
    const p = new Project({ 'odd.txt': lines.join('\n') + '\n' });
    expect(imprint(['import', 'odd.txt', '--date', '2024-01-01', '--title', 'Odd'], { cwd: p.dir }).status).toBe(0);
    const r = p.build(['manuscript/odd.md', '--formats', 'txt'], ENV);
    expect(r.status).toBe(0);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const text = words(p.text(`dist/${p.outputs().find((f) => f.endsWith('.txt'))}`)).join(' ');
    for (const l of lines) expect(text).toContain(words(l).join(' '));
  });
});

describe('init, then build, then check', () => {
  it('builds the new project and its editions pass imprint check', () => {
    const dir = tmpDir();
    expect(imprint(['init', 'novel', '--date', '2026-03-01'], { cwd: dir }).status).toBe(0);
    const cwd = path.join(dir, 'novel');
    const built = imprint(['build'], { cwd, env: ENV });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/wrote dist\/novel\.epub/);
    const checked = imprint(['check', '--no-ace'], { cwd });
    expect(checked.stdout).not.toMatch(/^ {2}FAIL/m);
    expect(checked.status).toBe(0);
  });
});

describe.skipIf(!requireTool('epubcheck') || !requireTool('qpdf') || !requireTool('pdftotext'))('the bundled manuscript', () => {
  it('builds editions that imprint check passes, EPUBCheck and the PDF contents included', () => {
    const out = tmpDir();
    const built = imprint(['build', 'manuscript', '--out', out], { env: ENV });
    expect(built.status).toBe(0);
    const r = imprint(['check', '--no-ace', ...['article.epub', 'article.pdf', 'article.txt'].map((f) => path.join(out, f))]);
    expect(r.stdout).toMatch(/^ {2}ok {7}EPUBCheck \d/m);
    expect(r.stdout).toMatch(/^ {2}ok {7}contents page numbers: all \d+ entries/m);
    expect(r.stdout).not.toMatch(/^ {2}FAIL/m);
    expect(r.status).toBe(0);
  });

  it('writes a manifest beside the editions that check --manifest verifies, and catches a changed edition', () => {
    const out = tmpDir();
    expect(imprint(['build', 'manuscript', '--out', out], { env: ENV }).status).toBe(0);
    const manifest = path.join(out, 'article.manifest.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(m.editions.map((e: { file: string }) => e.file)).toEqual(['article.epub', 'article.pdf', 'article.txt']);
    expect(imprint(['check', '--manifest', manifest]).status).toBe(0);
    writeFileSync(path.join(out, 'article.txt'), readFileSync(path.join(out, 'article.txt'), 'utf8') + 'tampered\n');
    const r = imprint(['check', '--manifest', manifest]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL {5}article\.txt: differs from the archived copy/);
  });
});

/** Ace as imprint check finds it: on PATH, or installed for CI under .ci/tools/ace. */
function haveAce(): boolean {
  if (haveTool('ace-puppeteer') || existsSync(path.join(ROOT, '.ci/tools/ace/node_modules/.bin/ace'))) return true;
  if (process.env.CI) throw new Error('Ace by DAISY is not installed; .ci/run must install it under .ci/tools/ace');
  return false;
}

describe.skipIf(!haveAce())('imprint check with Ace by DAISY', () => {
  it('passes the bundled manuscript\'s EPUB and names the violations in a damaged copy', async () => {
    const out = tmpDir();
    expect(imprint(['build', 'manuscript', '--out', out, '--formats', 'epub'], { env: ENV }).status).toBe(0);
    // The same EPUB with the language taken off a chapter and an image without alt text.
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'article.epub')));
    const chapter = Object.keys(zip.files).filter((n) => /ch\d+\.xhtml$/.test(n))[0];
    let xhtml = await zip.file(chapter)!.async('string');
    xhtml = xhtml.replace(/ (?:xml:)?lang="[^"]*"/g, '').replace('<p', '<p><img src="missing.png"/></p><p');
    zip.file(chapter, xhtml);
    writeFileSync(path.join(out, 'damaged.epub'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = imprint(['check', path.join(out, 'article.epub'), path.join(out, 'damaged.epub')]);
    const [good, bad] = r.stdout.split(/^.*damaged\.epub$/m);
    expect(good).toMatch(/^ {2}ok {7}Ace by DAISY: no accessibility violations$/m);
    expect(bad).toMatch(/^ {2}FAIL {5}Ace by DAISY: 1 critical, 1 serious: /m);
    expect(bad).toMatch(/critical: image-alt \(.*\.xhtml\): Element does not have an alt attribute/);
    expect(bad).toMatch(/serious: html-has-lang/);
    expect(r.status).toBe(1);
  });
});
