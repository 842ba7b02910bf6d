// The cover: the front matter's image when it names one, otherwise one generated
// from title, subtitle and authors in Source Serif 4 — at least 1600 × 2560 px,
// wrapped to the measure, identical bytes every time.

import { describe, expect, test } from 'vitest';
import { COVER_MEASURE, coverLayout } from '../../src/editions/epub/cover-image.js';
import { sampleBook } from '../support/sample-book.js';
import { elements, epubType, parseXml, readPackage, render } from './helpers.js';

function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...png.subarray(0, 8)]).toEqual(sig);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('generated cover', () => {
  test('a PNG of at least 1600 × 2560 marked as the cover image, first in reading order', async () => {
    const { epub } = await render(sampleBook());
    const pkg = await readPackage(epub);
    const cover = pkg.manifest.filter((m) => m.properties.split(' ').includes('cover-image'));
    expect(cover).toEqual([{ id: 'cover-image', href: 'images/cover.png', mediaType: 'image/png', properties: 'cover-image' }]);
    const legacy = elements(pkg.doc, 'meta', 'http://www.idpf.org/2007/opf').filter((m) => m.getAttribute('name') === 'cover');
    expect(legacy.map((m) => m.getAttribute('content'))).toEqual(['cover-image']);
    const size = pngSize(await epub.bytes('OEBPS/images/cover.png'));
    expect(size.width).toBeGreaterThanOrEqual(1600);
    expect(size.height).toBeGreaterThanOrEqual(2560);
    expect(size.height / size.width).toBeCloseTo(1.6, 2);

    expect(pkg.spine[0].idref).toBe('cover');
    const page = parseXml(await epub.text('OEBPS/cover.xhtml'), 'cover.xhtml');
    const img = elements(page, 'img');
    expect(img.map((i) => [i.getAttribute('src'), epubType(i), i.getAttribute('role')])).toEqual([['images/cover.png', 'cover', 'doc-cover']]);
    expect(img[0].getAttribute('alt')).toBe('Cover: A Sample & <Book>: Every construct, by Ada Lovelace and Charles Babbage');
  });

  test('same book, same PNG bytes', async () => {
    const a = await (await render(sampleBook())).epub.bytes('OEBPS/images/cover.png');
    const b = await (await render(sampleBook())).epub.bytes('OEBPS/images/cover.png');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('long titles wrap into lines that fit the measure, keeping every word', () => {
    const meta = sampleBook().meta;
    meta.title = 'The Remarkable and Entirely Unabridged Chronicle of an Analytical Engine, Its Inventors, Their Correspondence, and the Notes That Outgrew the Paper';
    meta.subtitle = 'Being a Very Long Subtitle That Must Also Wrap Across Several Lines Without Running Off the Edge';
    meta.authors = ['Augusta Ada King, Countess of Lovelace', 'Charles Babbage'];
    const { lines } = coverLayout(meta);
    const title = lines.filter((l) => l.face === 'semibold');
    const subtitle = lines.filter((l) => l.face === 'italic');
    expect(title.length).toBeGreaterThan(2);
    expect(subtitle.length).toBeGreaterThan(1);
    expect(title.map((l) => l.text).join(' ')).toBe(meta.title);
    expect(subtitle.map((l) => l.text).join(' ')).toBe(meta.subtitle);
    for (const l of lines) expect(l.width, l.text).toBeLessThanOrEqual(COVER_MEASURE + 0.5);
    // Lines go down the page without overlapping, and stay on it.
    const ys = lines.map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(Math.max(...ys)).toBeLessThan(2560 - 100);
    // Balanced: no title line is much shorter than the others (except the last).
    const widths = title.map((l) => l.width);
    expect(Math.min(...widths.slice(0, -1)) / Math.max(...widths)).toBeGreaterThan(0.6);
  });

  test('a single word longer than the measure is broken rather than overflowing', () => {
    const meta = sampleBook().meta;
    meta.title = 'Supercalifragilisticexpialidocious'.repeat(3);
    delete meta.subtitle;
    const { lines } = coverLayout(meta);
    for (const l of lines) expect(l.width, l.text).toBeLessThanOrEqual(COVER_MEASURE + 0.5);
    expect(lines.filter((l) => l.face === 'semibold').map((l) => l.text).join('')).toBe(meta.title);
  });

  test('characters no cover face can draw are reported, not silently dropped', async () => {
    const book = sampleBook();
    book.meta.title = '吾輩は猫である';
    const { diagnostics } = await render(book);
    expect(diagnostics.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/generated cover has no font for 吾 輩 は 猫 で あ る/)]);
    // Greek, Cyrillic, Hebrew and Arabic are covered.
    book.meta.title = 'Ελληνικά кириллица שלום مرحبا';
    expect((await render(book)).diagnostics.warnings).toEqual([]);
  });
});

describe('front-matter cover', () => {
  test('the named image becomes the cover; no cover is generated', async () => {
    const book = sampleBook();
    book.meta.cover = 'img-jpg0000002';
    const { epub } = await render(book);
    const pkg = await readPackage(epub);
    expect(pkg.manifest.filter((m) => m.properties.includes('cover-image')).map((m) => [m.id, m.href])).toEqual([
      ['img-jpg0000002', 'images/img-jpg0000002.jpg'],
    ]);
    expect(epub.names).not.toContain('OEBPS/images/cover.png');
    // It is also a figure in chapter 2: one manifest item serves both.
    expect(pkg.manifest.filter((m) => m.href === 'images/img-jpg0000002.jpg')).toHaveLength(1);
    expect(await epub.text('OEBPS/cover.xhtml')).toContain('src="images/img-jpg0000002.jpg"');
    const legacy = elements(pkg.doc, 'meta', 'http://www.idpf.org/2007/opf').filter((m) => m.getAttribute('name') === 'cover');
    expect(legacy.map((m) => m.getAttribute('content'))).toEqual(['img-jpg0000002']);
  });

  test('a cover smaller than stores accept draws a warning', async () => {
    const book = sampleBook();
    book.meta.cover = 'img-jpg0000002';
    const { diagnostics } = await render(book);
    expect(diagnostics.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/cover image is 64 × 48 px; stores ask for at least 1400 px wide/)]);
    expect(diagnostics.warnings[0].file).toMatch(/photo\.jpg$/);
  });

  test('an SVG cover is rasterised to a 1600 px PNG for readers that take no SVG covers', async () => {
    const book = sampleBook();
    book.meta.cover = 'img-svg0000003';
    const { epub, diagnostics } = await render(book);
    const pkg = await readPackage(epub);
    expect(pkg.manifest.filter((m) => m.properties.includes('cover-image')).map((m) => [m.href, m.mediaType])).toEqual([['images/cover.png', 'image/png']]);
    const size = pngSize(await epub.bytes('OEBPS/images/cover.png'));
    expect(size).toEqual({ width: 1600, height: Math.round((1600 * 80) / 120) });
    // The SVG itself is still there for the figure that shows it.
    expect(pkg.manifest.map((m) => m.href)).toContain('images/img-svg0000003.svg');
    expect(diagnostics.warnings).toEqual([]);
  });
});
