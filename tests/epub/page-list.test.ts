// Print page parity (issue #3): page starts reported by the PDF become page-break
// markers placed before exactly the word each printed page begins with, a page-list
// nav, an NCX pageList and the metadata naming the print edition.

import { describe, expect, test } from 'vitest';
import type { PageStart } from '../../src/editions/edition.js';
import type { Block, Book } from '../../src/model/document.js';
import { plainText } from '../../src/model/words.js';
import { epubcheck, requireTool } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { elements, epubType, ids, leafWords, NCX_NS, parseXml, readPackage, refinements, render, textOf, wordsAfterMarkers } from './helpers.js';

function allBlocks(book: Book): Block[] {
  const out: Block[] = [];
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      out.push(b);
      if (b.type === 'blockquote') walk(b.children);
      if (b.type === 'list') for (const it of b.items) walk(it.children);
    }
  };
  for (const ch of book.chapters) walk(ch.blocks);
  return out;
}

function find(book: Book, pred: (b: Block) => boolean): Block {
  const b = allBlocks(book).find(pred);
  if (!b) throw new Error('block not found');
  return b;
}

const firstText = (b: Block) => (b.type === 'paragraph' || b.type === 'heading' ? plainText(b.content) : '');

/** Fake page starts for the sample book, with the word each page must open with. */
function fakePageStarts(book: Book): { starts: PageStart[]; expected: Map<string, string> } {
  const para = find(book, (b) => firstText(b).startsWith('Plain text'));
  const list = find(book, (b) => b.type === 'list' && !b.ordered);
  const quote = find(book, (b) => b.type === 'blockquote');
  const ch2 = find(book, (b) => b.type === 'heading' && b.slug === 'second-chapter');
  const code = find(book, (b) => b.type === 'code');
  const table = find(book, (b) => b.type === 'table');
  const photo = find(book, (b) => b.type === 'figure' && b.image.alt === 'A photograph');
  const end = find(book, (b) => firstText(b).startsWith('The end'));
  const plan: [Block, number, string][] = [
    [book.chapters[0].blocks[0], 0, 'First'],
    [para, 5, 'struck,'], // inside <s>
    [para, 7, '<b>,'], // starts inside <code>, ends in the text after it
    [para, 8, 'H2O,'], // runs through <sub>
    [para, 12, 'WHO,'], // inside <abbr>
    [para, 17, 'link'], // inside <a>
    [para, 21, 'After'], // right after <br/>
    [list, 3, 'Four'], // a container: the 4th word of the list is in a nested item
    [quote, 2, 'paragraph'],
    [ch2, 0, 'Second'],
    [code, 4, '<'],
    [table, 4, '1'], // header cells count first
    [photo, 1, 'photograph'],
    [end, 4, 'third'],
  ];
  const starts: PageStart[] = [];
  const expected = new Map<string, string>();
  plan.forEach(([block, word, want], i) => {
    const label = String(i + 1);
    starts.push({ label, page: i + 3, blockId: block.id, word });
    expected.set(label, want);
  });
  // The plan's words are what the model says they are.
  for (const [block, word, want] of plan) {
    if (block.type === 'list' || block.type === 'blockquote') continue;
    expect(leafWords(block)[word]).toBe(want);
  }
  return { starts, expected };
}

describe('print page markers', () => {
  test('each marker stands right before the word its printed page begins with', async () => {
    const book = sampleBook();
    const { starts, expected } = fakePageStarts(book);
    const { epub, diagnostics } = await render(book, { pageStarts: starts, printEdition: 'sample.pdf' });
    expect(diagnostics.warnings).toEqual([]);
    const found = new Map<string, string>();
    for (const file of ['OEBPS/ch01.xhtml', 'OEBPS/ch02.xhtml']) {
      const doc = parseXml(await epub.text(file), file);
      for (const span of elements(doc, 'span').filter((s) => epubType(s) === 'pagebreak')) {
        expect(span.getAttribute('role')).toBe('doc-pagebreak');
        expect(span.firstChild).toBeNull();
      }
      for (const [id, { label, words }] of wordsAfterMarkers(doc)) {
        expect(id).toBe(`page-${label}`);
        found.set(label, words[0]);
      }
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
  });

  test('markers keep the text intact: removing them gives the page-less XHTML back', async () => {
    const book = sampleBook();
    const plain = await render(book);
    const { starts } = fakePageStarts(book);
    const marked = await render(book, { pageStarts: starts });
    for (const f of ['OEBPS/ch01.xhtml', 'OEBPS/ch02.xhtml']) {
      const stripped = (await marked.epub.text(f)).replace(/<span epub:type="pagebreak"[^>]*\/>/g, '');
      expect(stripped).toBe(await plain.epub.text(f));
    }
  });

  test('page-list nav and NCX pageList list every page in reading order, with resolving links', async () => {
    const book = sampleBook();
    const { starts } = fakePageStarts(book);
    const { epub } = await render(book, { pageStarts: starts, printEdition: 'sample.pdf' });
    const nav = parseXml(await epub.text('OEBPS/toc.xhtml'), 'toc.xhtml');
    const pageList = elements(nav, 'nav').find((n) => epubType(n) === 'page-list')!;
    expect(pageList.getAttribute('role')).toBe('doc-pagelist');
    expect(pageList.hasAttribute('hidden')).toBe(true);
    const links = elements(pageList, 'a');
    expect(links.map(textOf)).toEqual(starts.map((s) => s.label));
    const idsByFile = new Map<string, Set<string>>();
    for (const a of links) {
      const [file, frag] = a.getAttribute('href')!.split('#');
      if (!idsByFile.has(file)) idsByFile.set(file, ids(parseXml(await epub.text(`OEBPS/${file}`), file)));
      expect(idsByFile.get(file)!.has(frag), a.getAttribute('href')!).toBe(true);
    }

    const ncx = parseXml(await epub.text('OEBPS/toc.ncx'), 'toc.ncx');
    const metas = new Map(elements(ncx, 'meta', NCX_NS).map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    expect(metas.get('dtb:totalPageCount')).toBe(String(starts.length));
    expect(metas.get('dtb:maxPageNumber')).toBe(String(starts.length));
    const targets = elements(ncx, 'pageTarget', NCX_NS);
    expect(targets.map((t) => t.getAttribute('value'))).toEqual(starts.map((s) => s.label));
    expect(targets.map((t) => elements(t, 'content', NCX_NS)[0].getAttribute('src'))).toEqual(links.map((a) => a.getAttribute('href')));
    // playOrder runs through headings and pages in reading order, without gaps.
    const orders = [...elements(ncx, 'navPoint', NCX_NS), ...targets].map((e) => Number(e.getAttribute('playOrder')));
    expect(new Set(orders).size).toBe(orders.length);
    expect(Math.max(...orders)).toBe(orders.length);
    const chapter2 = elements(ncx, 'navPoint', NCX_NS).find((p) => elements(p, 'content', NCX_NS)[0].getAttribute('src') === 'ch02.xhtml#second-chapter')!;
    const page10 = targets.find((t) => t.getAttribute('value') === '10')!;
    // Page 10 opens with the chapter-2 heading: its marker comes just before it.
    expect(Number(page10.getAttribute('playOrder'))).toBe(Number(chapter2.getAttribute('playOrder')) - 1);
  });

  test('metadata names the print edition and claims page navigation', async () => {
    const book = sampleBook();
    const { starts } = fakePageStarts(book);
    const { epub } = await render(book, { pageStarts: starts, printEdition: 'sample.pdf' });
    const pkg = await readPackage(epub);
    expect(pkg.dc('source')).toEqual(['sample.pdf']);
    expect(refinements(pkg, 'print-source', 'source-of')).toEqual(['pagination']);
    expect(pkg.meta.get('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['pageNavigation', 'printPageNumbers']));
    expect(await epub.text('OEBPS/colophon.xhtml')).toContain('Page numbers follow the print edition, sample.pdf.');
  });

  test('without page starts there is no page list, no source and no page claims', async () => {
    const { epub } = await render(sampleBook());
    const pkg = await readPackage(epub);
    expect(pkg.dc('source')).toEqual([]);
    expect(pkg.meta.get('schema:accessibilityFeature')).not.toContain('pageNavigation');
    expect(pkg.meta.get('schema:accessibilityFeature')).not.toContain('printPageNumbers');
    expect(await epub.text('OEBPS/toc.xhtml')).not.toContain('page-list');
    expect(await epub.text('OEBPS/toc.ncx')).not.toContain('pageList');
  });

  test('roman folios, repeated labels and bad starts', async () => {
    const book = sampleBook();
    const para = find(book, (b) => firstText(b).startsWith('Plain text'));
    const starts: PageStart[] = [
      { label: 'iv', page: 4, blockId: book.chapters[0].blocks[0].id, word: 0 },
      { label: '1', page: 5, blockId: para.id, word: 2 },
      { label: '1', page: 6, blockId: para.id, word: 3 },
      { label: '2', page: 7, blockId: 'b-missing', word: 0 },
      { label: '3', page: 8, blockId: para.id, word: 999 },
    ];
    const { epub, diagnostics } = await render(book, { pageStarts: starts });
    expect(diagnostics.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('print page 2 starts in block b-missing'),
      expect.stringContaining('print page 3 starts at word 999'),
    ]);
    const doc = parseXml(await epub.text('OEBPS/ch01.xhtml'), 'ch01.xhtml');
    const after = wordsAfterMarkers(doc);
    expect([...after.keys()]).toEqual(['page-iv', 'page-1', 'page-1-2', 'page-3']);
    expect(after.get('page-1')!.words).toEqual(['with']);
    expect(after.get('page-1-2')!.words).toEqual(['emphasis,']);
    const ncx = await epub.text('OEBPS/toc.ncx');
    expect(ncx).toContain('<pageTarget id="pagetarget-1" type="front" playOrder="1">');
  });

  test.runIf(requireTool('epubcheck'))('EPUBCheck accepts the page list', async () => {
    const book = sampleBook();
    const { starts } = fakePageStarts(book);
    const { file } = await render(book, { pageStarts: starts, printEdition: 'sample.pdf' });
    const r = epubcheck(file);
    expect(r.ok, r.output).toBe(true);
  });
});
