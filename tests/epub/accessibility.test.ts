// Accessibility metadata follows from what the book holds: images make it visual,
// alt text on every image earns alternativeText and the WCAG conformance claim, a
// single missing alt loses both.

import { describe, expect, test } from 'vitest';
import { CONFORMANCE } from '../../src/editions/epub/accessibility.js';
import { epubcheck, requireTool } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { GENERATOR, readPackage, render } from './helpers.js';

describe('accessibility metadata', () => {
  test('a book whose images all have alt text', async () => {
    const pkg = await readPackage((await render(sampleBook())).epub);
    expect(pkg.meta.get('schema:accessMode')).toEqual(['textual', 'visual']);
    expect(pkg.meta.get('schema:accessModeSufficient')).toEqual(['textual', 'textual,visual']);
    expect(pkg.meta.get('schema:accessibilityFeature')).toEqual([
      'tableOfContents', 'readingOrder', 'structuralNavigation', 'alternativeText', 'ARIA', 'displayTransformability', 'unlocked',
    ]);
    expect(pkg.meta.get('schema:accessibilityHazard')).toEqual(['none']);
    expect(pkg.meta.get('schema:accessibilitySummary')?.[0]).toMatch(/WCAG 2\.2 Level AA/);
    expect(pkg.meta.get('dcterms:conformsTo')).toEqual([CONFORMANCE]);
    expect(CONFORMANCE).toBe('EPUB Accessibility 1.1 - WCAG 2.2 Level AA');
    expect(pkg.meta.get('a11y:certifiedBy')).toEqual([GENERATOR]);
  });

  test('one image without alt text drops alternativeText and the conformance claim', async () => {
    const book = sampleBook();
    const fig = book.chapters[1].blocks.find((b) => b.type === 'figure');
    if (fig?.type !== 'figure') throw new Error('sample changed');
    fig.image.alt = '';
    const { epub, file } = await render(book);
    const pkg = await readPackage(epub);
    expect(pkg.meta.get('schema:accessibilityFeature')).not.toContain('alternativeText');
    expect(pkg.meta.get('dcterms:conformsTo')).toBeUndefined();
    expect(pkg.meta.get('a11y:certifiedBy')).toBeUndefined();
    expect(pkg.meta.get('schema:accessModeSufficient')).toEqual(['textual,visual']);
    expect(pkg.meta.get('schema:accessibilitySummary')?.[0]).toMatch(/does not fully meet WCAG 2\.2 Level AA: 1 image has no text alternative/);
    // The image is marked decorative rather than given a made-up description.
    expect(await epub.text('OEBPS/ch02.xhtml')).toContain('<img src="images/img-png0000001.png" alt=""/>');
    if (requireTool('epubcheck')) {
      const r = epubcheck(file);
      expect(r.ok, r.output).toBe(true);
    }
  });

  test('a book without images is textual only and claims no alternative text', async () => {
    const book = sampleBook();
    book.chapters[1].blocks = book.chapters[1].blocks.filter((b) => b.type !== 'figure');
    const pkg = await readPackage((await render(book)).epub);
    expect(pkg.meta.get('schema:accessMode')).toEqual(['textual']);
    expect(pkg.meta.get('schema:accessModeSufficient')).toEqual(['textual']);
    expect(pkg.meta.get('schema:accessibilityFeature')).not.toContain('alternativeText');
    expect(pkg.meta.get('dcterms:conformsTo')).toEqual([CONFORMANCE]);
    // Unused resources stay out of the package.
    expect(pkg.manifest.map((m) => m.href).filter((h) => h.startsWith('images/'))).toEqual(['images/cover.png']);
  });
});
