// Images: from the manuscript folder and assets/ only, never fetched, sniffed by
// their bytes; refusals are errors at file:line, or warnings with --keep-going.

import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import type { FigureBlock, ParagraphBlock } from '../../src/model/document.js';
import { imageInfo } from '../../src/reader/image-info.js';
import { tmpDir, writeTmp } from '../support/tools.js';
import { allBlocks, FIXTURES, fm, Scratch } from './helpers.js';

const PNG = readFileSync(path.join(FIXTURES, 'kitchen-sink/diagram.png'));
const JPG = readFileSync(path.join(FIXTURES, 'kitchen-sink/photo.jpg'));
const SVG = readFileSync(path.join(FIXTURES, 'kitchen-sink/shape.svg'));

function withImage(src: string, extra: Record<string, string | Uint8Array> = {}): Scratch {
  return new Scratch({
    'manuscript/book.md': fm('title: T\ndate: 2024-01-01', `# H\n\nText.\n\n![Alt words here](${src})\n`),
    'manuscript/ok.png': PNG,
    ...extra,
  });
}

async function failure(s: Scratch): Promise<InputError> {
  try {
    await s.read();
  } catch (err) {
    return err as InputError;
  }
  throw new Error('expected the read to fail');
}

describe('where images may come from', () => {
  const outside = tmpDir();
  const outsidePng = writeTmp('secret.png', PNG);

  const refused: Array<[string, string, RegExp]> = [
    ['an absolute path', outsidePng, /has an absolute path$/],
    ['a .. escape', '../../' + path.relative('/', outsidePng), /is outside the manuscript folder and assets\/$/],
    ['a file: URL', `file://${outsidePng}`, /is a file: URL, not a file$/],
    ['an http: URL', 'http://127.0.0.1:9/x.png', /is a web address; imprint never downloads anything$/],
    ['an https: URL', 'https://example.com/x.png', /is a web address; imprint never downloads anything$/],
    ['a protocol-relative URL', '//example.com/x.png', /is a web address/],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo=', /is a data: URL, not a file$/],
    ['a missing file', 'missing.png', /^image "missing\.png" was not found$/],
  ];
  for (const [what, src, message] of refused) {
    it(`refuses ${what} at the image's line`, async () => {
      const err = await failure(withImage(src));
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toMatch(message);
      expect([err.file, err.line]).toEqual(['manuscript/book.md', 10]);
      expect(err.hint).toBeTruthy();
    });
  }
  void outside;

  it('refuses a symlink that points outside', async () => {
    const s = withImage('link.png');
    symlinkSync(outsidePng, path.join(s.dir, 'manuscript/link.png'));
    const err = await failure(s);
    expect([err.message, err.line]).toEqual(['image "link.png" links to a file outside the manuscript folder and assets/', 10]);
  });

  it('follows a symlink that stays inside', async () => {
    const s = withImage('inner.png');
    symlinkSync(path.join(s.dir, 'manuscript/ok.png'), path.join(s.dir, 'manuscript/inner.png'));
    const { book } = await s.read();
    expect(book.resources).toHaveLength(1);
  });

  it('finds images beside the manuscript, in its assets/ and in the project assets/', async () => {
    const s = new Scratch({
      'manuscript/book.md': fm('title: T\ndate: 2024-01-01', '# H\n\n![a](ok.png)\n\n![b](photo.jpg)\n\n![c](shape.svg)\n\n![d](../assets/shape.svg)\n'),
      'manuscript/ok.png': PNG,
      'manuscript/assets/photo.jpg': JPG,
      'assets/shape.svg': SVG,
    });
    const { book, warnings } = await s.read();
    expect(warnings).toEqual([]);
    expect(book.resources.map((r) => path.relative(s.dir, r.path))).toEqual(['manuscript/ok.png', 'manuscript/assets/photo.jpg', 'assets/shape.svg']);
    const figures = allBlocks(book).filter((b): b is FigureBlock => b.type === 'figure');
    // The same bytes twice are one resource.
    expect(figures.map((f) => f.image.resource)).toEqual([book.resources[0].id, book.resources[1].id, book.resources[2].id, book.resources[2].id]);
  });

  it('names resources by content hash and keeps one copy of identical files', async () => {
    const s = new Scratch({
      'manuscript/book.md': fm('title: T\ndate: 2024-01-01', '# H\n\n![a](one.png) and ![b](two.png) inline.\n'),
      'manuscript/one.png': PNG,
      'manuscript/two.png': PNG,
    });
    const { book } = await s.read();
    const { createHash } = await import('node:crypto');
    const id = 'img-' + createHash('sha256').update(PNG).digest('hex').slice(0, 10);
    expect(book.resources.map((r) => [r.id, r.fileName])).toEqual([[id, `${id}.png`]]);
    const p = book.chapters[0].blocks[1] as ParagraphBlock;
    expect(p.content.map((i) => i.type)).toEqual(['image', 'text', 'image', 'text']);
  });

  it('with keepGoing, a refused image becomes a warning and its alt text stands in', async () => {
    const { book, messages } = await withImage('https://example.com/x.png').read(undefined, { keepGoing: true });
    expect(messages).toEqual([
      'manuscript/book.md:10: image "https://example.com/x.png" is a web address; imprint never downloads anything; using its alt text',
    ]);
    expect(book.resources).toEqual([]);
    const last = book.chapters[0].blocks.at(-1) as ParagraphBlock;
    expect(last).toMatchObject({ type: 'paragraph', content: [{ type: 'text', value: 'Alt words here' }] });
  });

  it('warns about missing alt text', async () => {
    const s = new Scratch({ 'manuscript/book.md': fm('title: T\ndate: 2024-01-01', '# H\n\n![](ok.png)\n'), 'manuscript/ok.png': PNG });
    const { book, messages } = await s.read();
    expect(messages).toEqual(['manuscript/book.md:8: image "ok.png" has no alt text']);
    expect(book.chapters[0].blocks[1]).toMatchObject({ type: 'figure', image: { alt: '' }, caption: [] });
  });

  it('resolves a cover image like any other, first among the resources', async () => {
    const s = withImage('ok.png', { 'manuscript/book.md': fm('title: T\ndate: 2024-01-01\ncover: assets/cover.jpg', '# H\n\n![x](ok.png)\n'), 'manuscript/assets/cover.jpg': JPG });
    const { book } = await s.read();
    expect(book.meta.cover).toBe(book.resources[0].id);
    expect(book.resources.map((r) => r.mediaType)).toEqual(['image/jpeg', 'image/png']);
    const bad = await failure(withImage('ok.png', { 'manuscript/book.md': fm('title: T\ndate: 2024-01-01\ncover: /etc/passwd', '# H\n\nText.\n') }));
    expect([bad.message, bad.line]).toEqual(['cover image "/etc/passwd" has an absolute path', 4]);
  });
});

describe('what an image is', () => {
  it('sniffs the bytes, not the extension', async () => {
    const s = new Scratch({
      'manuscript/book.md': fm('title: T\ndate: 2024-01-01', '# H\n\n![a](really-a-png.jpg)\n'),
      'manuscript/really-a-png.jpg': PNG,
    });
    const { book } = await s.read();
    expect(book.resources[0]).toMatchObject({ mediaType: 'image/png', fileName: expect.stringMatching(/\.png$/), width: 64, height: 48 });
    const fake = new Scratch({ 'manuscript/book.md': fm('title: T\ndate: 2024-01-01', '# H\n\n![a](fake.png)\n'), 'manuscript/fake.png': 'not an image' });
    expect((await failure(fake)).message).toBe('image "fake.png" is not a PNG, JPEG or SVG image');
    const gif = new Scratch({ 'manuscript/book.md': fm('title: T\ndate: 2024-01-01', '# H\n\n![a](x.gif)\n'), 'manuscript/x.gif': 'GIF89a\x01\x00\x01\x00' });
    expect((await failure(gif)).message).toBe('image "x.gif" is a GIF image');
  });

  it('reads sizes from PNG IHDR, JPEG SOFn (with EXIF rotation) and SVG attributes', () => {
    expect(imageInfo(PNG)).toMatchObject({ ok: true, mediaType: 'image/png', width: 64, height: 48 });
    expect(imageInfo(JPG)).toMatchObject({ ok: true, mediaType: 'image/jpeg', width: 64, height: 48 });
    // The same JPEG with an APP1 EXIF segment saying "rotate 90°" (orientation 6).
    const exif = Buffer.from([
      0xff, 0xe1, 0x00, 0x22, ...Buffer.from('Exif\0\0'), ...Buffer.from('MM\0*'), 0, 0, 0, 8, 0, 1,
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
    ]);
    const rotated = Buffer.concat([JPG.subarray(0, 2), exif, JPG.subarray(2)]);
    expect(imageInfo(rotated)).toMatchObject({ ok: true, width: 48, height: 64 });
    const svg = (attrs: string) => imageInfo(Buffer.from(`<?xml version="1.0"?>\n<!-- c -->\n<svg xmlns="http://www.w3.org/2000/svg" ${attrs}><rect/></svg>`));
    expect(svg('width="120" height="80"')).toMatchObject({ ok: true, width: 120, height: 80 });
    expect(svg('width="2in" height="1in"')).toMatchObject({ width: 192, height: 96 });
    expect(svg('viewBox="0 0 300 100"')).toMatchObject({ width: 300, height: 100 });
    expect(svg('width="600" viewBox="0 0 300 100"')).toMatchObject({ width: 600, height: 200 });
    expect(svg('')).toMatchObject({ ok: true, width: 300, height: 150, note: expect.stringMatching(/no width, height or viewBox/) });
    expect(imageInfo(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged PNG/) });
  });

  it('refuses SVGs that script, fetch or declare entities', () => {
    const bad = [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="other.svg#a"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
      '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x/y.css);</style></svg>',
    ];
    for (const text of bad) expect(imageInfo(Buffer.from(text)), text).toMatchObject({ ok: false });
    expect(imageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><use href="#a"/><text>one = two</text></svg>'))).toMatchObject({ ok: true });
  });
});
