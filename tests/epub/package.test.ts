// The EPUB container and package document: zip layout, OPF metadata taken from the
// front matter, manifest and spine in reading order, reproducible bytes, EPUBCheck.

import { describe, expect, test } from 'vitest';
import { epubcheck, requireTool } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { elements, GENERATOR, OPF_NS, parseXml, readPackage, refinements, render } from './helpers.js';

describe('zip container', () => {
  test('mimetype is the first entry, stored, without extra field', async () => {
    const { bytes, epub } = await render(sampleBook());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    expect(extraLength).toBe(0);
    const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
    expect(name).toBe('mimetype');
    const data = new TextDecoder().decode(bytes.subarray(30 + nameLength, 30 + nameLength + 20));
    expect(data).toBe('application/epub+zip');
    expect(epub.names[0]).toBe('mimetype');
  });

  test('every other entry is deflated (stored when compressed already) and dated from the build date', async () => {
    const { epub } = await render(sampleBook());
    const stored = epub.names.filter((n) => /\.(png|jpe?g|gif|webp|woff2?)$/.test(n));
    expect(stored).toContain('OEBPS/images/cover.png');
    for (const name of epub.names.slice(1)) {
      const f = epub.zip.files[name];
      expect(f.dir, name).toBe(false);
      const method = (f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic;
      expect(method, name).toBe(stored.includes(name) ? '\x00\x00' : '\x08\x00');
      expect(f.date.toISOString(), name).toBe('2024-05-01T00:00:00.000Z');
    }
  });

  test('META-INF/container.xml points at the package document', async () => {
    const { epub } = await render(sampleBook());
    const doc = parseXml(await epub.text('META-INF/container.xml'), 'container.xml');
    const rootfiles = elements(doc, 'rootfile', 'urn:oasis:names:tc:opendocument:xmlns:container');
    expect(rootfiles.map((r) => [r.getAttribute('full-path'), r.getAttribute('media-type')])).toEqual([
      ['OEBPS/content.opf', 'application/oebps-package+xml'],
    ]);
  });

  test('every manifest item is in the zip and every file in the zip is in the manifest', async () => {
    const { epub } = await render(sampleBook());
    const pkg = await readPackage(epub);
    const inManifest = pkg.manifest.map((m) => `OEBPS/${m.href}`).sort();
    const inZip = epub.names.filter((n) => n.startsWith('OEBPS/') && n !== 'OEBPS/content.opf').sort();
    expect(inZip).toEqual(inManifest);
  });

  test('two renders of the same book are byte-identical', async () => {
    const a = await render(sampleBook());
    const b = await render(sampleBook());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  test('dates before 1980 (SOURCE_DATE_EPOCH=0) clamp to the first DOS date', async () => {
    const book = sampleBook();
    book.meta.buildDate = new Date(0);
    const { epub } = await render(book);
    expect(epub.zip.files['OEBPS/content.opf'].date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const pkg = await readPackage(epub);
    expect(pkg.meta.get('dcterms:modified')).toEqual(['1970-01-01T00:00:00Z']);
  });
});

describe('package metadata', () => {
  test('says what the front matter says', async () => {
    const book = sampleBook();
    const { epub } = await render(book);
    const pkg = await readPackage(epub);
    const m = book.meta;
    const root = pkg.doc.documentElement!;
    expect(root.getAttribute('version')).toBe('3.0');
    expect(root.getAttribute('xml:lang')).toBe('en');
    expect(root.getAttribute('unique-identifier')).toBe('pub-id');
    const ident = elements(pkg.doc, 'identifier', 'http://purl.org/dc/elements/1.1/');
    expect(ident.map((e) => [e.getAttribute('id'), e.textContent])).toEqual([['pub-id', m.identifier.value]]);
    expect(pkg.dc('title')).toEqual([m.title, m.subtitle]);
    expect(refinements(pkg, 'title', 'title-type')).toEqual(['main']);
    expect(refinements(pkg, 'subtitle', 'title-type')).toEqual(['subtitle']);
    expect(pkg.dc('creator')).toEqual(m.authors);
    expect(refinements(pkg, 'creator-1', 'file-as')).toEqual(['Lovelace, Ada']);
    expect(refinements(pkg, 'creator-2', 'file-as')).toEqual(['Babbage, Charles']);
    expect(refinements(pkg, 'creator-1', 'role')).toEqual(['aut']);
    expect(refinements(pkg, 'creator-2', 'role')).toEqual(['aut']);
    expect(pkg.dc('language')).toEqual(['en']);
    expect(pkg.dc('date')).toEqual(['2024-05-01']);
    expect(pkg.meta.get('dcterms:modified')).toEqual(['2024-05-01T00:00:00Z']);
    expect(pkg.dc('publisher')).toEqual(['Imprint Press']);
    expect(pkg.dc('rights')).toEqual(['© 2024 The Authors']);
    expect(pkg.dc('description')).toEqual(['A book that uses every construct.']);
    expect(pkg.dc('subject')).toEqual(['testing', 'markdown']);
    // No defaults of epub-gen-memory leak through.
    const opf = await epub.text('OEBPS/content.opf');
    expect(opf).not.toMatch(/All rights reserved|anonymous|epub-gen|Table of Content\b/);
    expect(pkg.meta.has('ibooks:specified-fonts')).toBe(false);
  });

  test('dcterms:modified follows the build date, not the clock', async () => {
    const book = sampleBook();
    book.meta.buildDate = new Date('2031-02-03T04:05:06.789Z');
    const pkg = await readPackage((await render(book)).epub);
    expect(pkg.meta.get('dcterms:modified')).toEqual(['2031-02-03T04:05:06Z']);
  });

  test('leaves out description, publisher, rights and subjects when absent', async () => {
    const book = sampleBook();
    delete book.meta.description;
    delete book.meta.publisher;
    delete book.meta.rights;
    delete book.meta.subtitle;
    book.meta.keywords = [];
    const { epub } = await render(book);
    const pkg = await readPackage(epub);
    expect(pkg.dc('description')).toEqual([]);
    expect(pkg.dc('publisher')).toEqual([]);
    expect(pkg.dc('rights')).toEqual([]);
    expect(pkg.dc('subject')).toEqual([]);
    expect(pkg.dc('title')).toEqual([book.meta.title]);
  });

  test('series become a collection with its position', async () => {
    const book = sampleBook();
    book.meta.series = 'Engines & Notes';
    book.meta.seriesIndex = 2;
    const pkg = await readPackage((await render(book)).epub);
    expect(pkg.meta.get('belongs-to-collection')).toEqual(['Engines & Notes']);
    expect(refinements(pkg, 'series', 'collection-type')).toEqual(['series']);
    expect(refinements(pkg, 'series', 'group-position')).toEqual(['2']);
  });

  test('ISBNs become urn:isbn identifiers typed with ONIX code 15', async () => {
    const book = sampleBook();
    book.meta.identifier = { value: '978-3-16-148410-0', scheme: 'isbn' };
    const { epub } = await render(book);
    const pkg = await readPackage(epub);
    expect(pkg.dc('identifier')).toEqual(['urn:isbn:9783161484100']);
    expect(refinements(pkg, 'pub-id', 'identifier-type')).toEqual(['15']);
    expect(await epub.text('OEBPS/toc.ncx')).toContain('<meta name="dtb:uid" content="urn:isbn:9783161484100"/>');
  });

  test('a right-to-left language sets the direction of the package and the spine', async () => {
    const book = sampleBook();
    book.meta.lang = 'he';
    const { epub } = await render(book);
    const pkg = await readPackage(epub);
    expect(pkg.doc.documentElement!.getAttribute('dir')).toBe('rtl');
    expect(elements(pkg.doc, 'spine', OPF_NS)[0].getAttribute('page-progression-direction')).toBe('rtl');
    expect(await epub.text('OEBPS/ch01.xhtml')).toContain('xml:lang="he" lang="he" dir="rtl"');
  });
});

describe('manifest and spine', () => {
  test('reading order: cover, title page, contents, chapters, copyright page', async () => {
    const pkg = await readPackage((await render(sampleBook())).epub);
    expect(pkg.spine).toEqual([
      { idref: 'cover', linear: null },
      { idref: 'titlepage', linear: null },
      { idref: 'nav', linear: null },
      { idref: 'ch01', linear: null },
      { idref: 'ch02', linear: null },
      { idref: 'colophon', linear: null },
    ]);
    const byId = new Map(pkg.manifest.map((m) => [m.id, m]));
    expect(byId.get('nav')).toMatchObject({ href: 'toc.xhtml', properties: 'nav', mediaType: 'application/xhtml+xml' });
    expect(byId.get('ncx')).toMatchObject({ href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' });
    expect(elements(pkg.doc, 'spine', OPF_NS)[0].getAttribute('toc')).toBe('ncx');
    expect(byId.get('ch01')?.href).toBe('ch01.xhtml');
    expect(byId.get('ch02')?.href).toBe('ch02.xhtml');
  });

  test('an EPUB 2 guide repeats the landmarks', async () => {
    const pkg = await readPackage((await render(sampleBook())).epub);
    const refs = elements(pkg.doc, 'reference', OPF_NS).map((r) => [r.getAttribute('type'), r.getAttribute('href'), r.getAttribute('title')]);
    expect(refs).toEqual([
      ['cover', 'cover.xhtml', 'Cover'],
      ['title-page', 'titlepage.xhtml', 'Title page'],
      ['toc', 'toc.xhtml#toc', 'Contents'],
      ['text', 'ch01.xhtml', 'Begin reading'],
      ['copyright-page', 'colophon.xhtml', 'Copyright'],
    ]);
  });

  test('images carry their own media types; no svg property since no page inlines SVG', async () => {
    const pkg = await readPackage((await render(sampleBook())).epub);
    const images = pkg.manifest.filter((m) => m.href.startsWith('images/'));
    expect(images.map((m) => [m.href, m.mediaType])).toEqual([
      ['images/cover.png', 'image/png'],
      ['images/img-png0000001.png', 'image/png'],
      ['images/img-jpg0000002.jpg', 'image/jpeg'],
      ['images/img-svg0000003.svg', 'image/svg+xml'],
    ]);
    expect(pkg.manifest.filter((m) => m.properties.includes('svg'))).toEqual([]);
    expect(pkg.manifest.filter((m) => m.properties.includes('scripted'))).toEqual([]);
  });
});

describe('EPUBCheck', () => {
  test.runIf(requireTool('epubcheck'))('the sample book has no errors and no warnings', async () => {
    const { file } = await render(sampleBook());
    const r = epubcheck(file);
    expect(r.errors, r.output).toBe(0);
    expect(r.warnings, r.output).toBe(0);
    expect(r.ok, r.output).toBe(true);
  });

  test.runIf(requireTool('epubcheck'))('a minimal book: no subtitle, one author, no headings, no images', async () => {
    const book = sampleBook();
    delete book.meta.subtitle;
    delete book.meta.description;
    book.meta.authors = ['Ada Lovelace'];
    book.meta.keywords = [];
    book.toc = [];
    book.notes = [];
    book.resources = [];
    book.chapters = [{ index: 0, id: 'ch01', title: book.meta.title, notes: [], blocks: [{ type: 'paragraph', id: 'b1', pos: { file: 'x.md', line: 1 }, content: [{ type: 'text', value: 'Only a paragraph.' }] }] }];
    const { file, epub } = await render(book);
    const r = epubcheck(file);
    expect(r.ok, r.output).toBe(true);
    expect(await epub.text('OEBPS/toc.xhtml')).toContain('<a href="ch01.xhtml">');
    expect(GENERATOR).toBe('imprint 0.1.0');
  });
});
