// `epub.fonts: true` embeds the PDF's text face (Source Serif 4 regular, italic,
// bold) and tells Apple Books to use it; otherwise the reader's fonts rule.

import { describe, expect, test } from 'vitest';
import { epubcheck, requireTool } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { readPackage, render } from './helpers.js';

describe('embedded fonts', () => {
  test('three faces in the manifest, referenced from the stylesheet, flagged for Apple Books', async () => {
    const book = sampleBook();
    book.meta.epub.fonts = true;
    const { epub, file } = await render(book);
    const pkg = await readPackage(epub);
    const fonts = pkg.manifest.filter((m) => m.href.startsWith('fonts/'));
    expect(fonts.map((f) => [f.href, f.mediaType])).toEqual([
      ['fonts/SourceSerif4-Regular.ttf', 'font/ttf'],
      ['fonts/SourceSerif4-Italic.ttf', 'font/ttf'],
      ['fonts/SourceSerif4-Bold.ttf', 'font/ttf'],
    ]);
    for (const f of fonts) {
      const bytes = await epub.bytes(`OEBPS/${f.href}`);
      expect([...bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]); // TrueType
    }
    const css = await epub.text('OEBPS/style.css');
    const urls = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(urls).toEqual(fonts.map((f) => f.href));
    expect(css).toMatch(/body\s*\{\s*font-family:\s*"Source Serif 4", serif;/);
    expect(css.indexOf('@namespace')).toBe(0);
    expect(pkg.meta.get('ibooks:specified-fonts')).toEqual(['true']);
    expect(pkg.doc.documentElement!.getAttribute('prefix')).toContain('ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/');
    if (requireTool('epubcheck')) {
      const r = epubcheck(file);
      expect(r.ok, r.output).toBe(true);
    }
  });

  test('without the option: no fonts, no font-family on body, no ibooks flag', async () => {
    const { epub } = await render(sampleBook());
    const pkg = await readPackage(epub);
    expect(epub.names.filter((n) => n.includes('fonts/'))).toEqual([]);
    expect(await epub.text('OEBPS/style.css')).not.toContain('@font-face');
    expect(pkg.meta.has('ibooks:specified-fonts')).toBe(false);
    expect(pkg.doc.documentElement!.hasAttribute('prefix')).toBe(false);
  });
});
