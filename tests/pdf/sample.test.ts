// The PDF edition on the hand-built sample book: structure, metadata, PDF/A and
// tagging, navigation, text, footnotes — checked with the real tools.

import { beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { sampleBook } from '../support/sample-book.js';
import { pdffonts, pdfinfo, pdfPages, pdftotext, qpdfCheck, qpdfJson, requireTool, writeTmp } from '../support/tools.js';
import { renderPdf, renderPdfDetailed, type PdfRendering } from '../../src/editions/pdf/index.js';
import { splitWords, plainText } from '../../src/model/words.js';
import type { Block, Book } from '../../src/model/document.js';
import { annotations, blockTexts, canonical, context, deref, destinationNames, missingInOrder, normalise, objects, qdfContent, structElements, structTags, unmarkedText, xmpPacket, type QpdfObjects } from './helpers.js';

const tools = ['qpdf', 'pdftotext', 'pdffonts', 'pdfinfo'].every((t) => requireTool(t));

const BASE14 = /^(Times|Helvetica|Courier|Symbol|ZapfDingbats)/;

describe.runIf(tools)('PDF edition — sample book', () => {
  let book: Book;
  let out: PdfRendering;
  let file: string;
  let json: any;
  let objs: QpdfObjects;
  let pages: string[];

  beforeAll(async () => {
    book = sampleBook();
    out = await renderPdfDetailed(book, context());
    file = writeTmp('sample.pdf', out.pdf.bytes);
    json = qpdfJson(file);
    objs = objects(json);
    pages = pdfPages(file);
  });

  it('is a clean PDF 1.7 that qpdf accepts', () => {
    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);
    expect(Buffer.from(out.pdf.bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    expect(pdfinfo(file)['Encrypted']).toBe('no');
  });

  it('has a title page, a contents page, and each chapter on a new page', () => {
    expect(out.pdf.pages).toBe(4);
    expect(Number(pdfinfo(file)['Pages'])).toBe(4);
    expect(out.composed.pages.map((p) => p.kind)).toEqual(['title', 'contents', 'body', 'body']);
    expect(out.composed.frontPages).toBe(2);
    expect(canonical(pages[3])).toMatch(/^First Chapter/);
    expect(canonical(pages[4])).toMatch(/^Second Chapter/);
  });

  it('sets title, subtitle, authors, publisher, date and rights on the title page', () => {
    const title = canonical(pages[1]);
    for (const s of ['A Sample & <Book>', 'Every construct', 'Ada Lovelace', 'Charles Babbage', 'Imprint Press', 'May 1, 2024', '© 2024 The Authors']) {
      expect(title).toContain(s);
    }
    expect(title.indexOf('A Sample')).toBeLessThan(title.indexOf('Ada Lovelace'));
  });

  it('embeds and subsets every font, none of the standard 14', () => {
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
      expect(f.name.replace(/^[A-Z]{6}\+/, '')).not.toMatch(BASE14);
    }
    expect(fonts.some((f) => /SourceSerif4/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /SourceCodePro/.test(f.name))).toBe(true);
  });

  it('writes Info and a well-formed XMP packet that agree, with the PDF/A-2a identification', () => {
    const info = pdfinfo(file);
    expect(info['Title']).toBe('A Sample & <Book>');
    expect(info['Author']).toBe('Ada Lovelace, Charles Babbage');
    expect(info['Subject']).toBe('A book that uses every construct.');
    expect(info['Keywords']).toBe('testing, markdown');
    expect(info['Creator']).toBe('imprint 0.1.0');
    expect(info['Producer']).toBe('imprint 0.1.0');
    expect(info['CreationDate']).toMatch(/^2024-05-01T00:00:00/);
    expect(info['ModDate'] ?? '').toBe('');

    const xmp = xmpPacket(out.pdf.bytes);
    const errors: string[] = [];
    const dom = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xmp.replace(/^<\?xpacket[^>]*\?>/, '').replace(/<\?xpacket[^>]*\?>\s*$/, ''), 'text/xml');
    expect(errors).toEqual([]);
    const text = (ns: string, name: string) => Array.from(dom.getElementsByTagNameNS(ns, name)).map((e) => e.textContent?.trim());
    const DC = 'http://purl.org/dc/elements/1.1/';
    expect(text('http://www.aiim.org/pdfa/ns/id/', 'part')).toEqual(['2']);
    expect(text('http://www.aiim.org/pdfa/ns/id/', 'conformance')).toEqual(['A']);
    expect(text(DC, 'title')[0]).toBe('A Sample & <Book>');
    expect(text(DC, 'creator')[0]).toBe('Ada Lovelace, Charles Babbage');
    expect(text(DC, 'description')[0]).toBe('A book that uses every construct.');
    expect(text('http://ns.adobe.com/pdf/1.3/', 'Keywords')).toEqual(['testing, markdown']);
    expect(text('http://ns.adobe.com/pdf/1.3/', 'Producer')).toEqual(['imprint 0.1.0']);
    expect(text('http://ns.adobe.com/xap/1.0/', 'CreatorTool')).toEqual(['imprint 0.1.0']);
    expect(text('http://ns.adobe.com/xap/1.0/', 'CreateDate')).toEqual(['2024-05-01T00:00:00Z']);
  });

  it('has an sRGB output intent, no encryption, and a catalog marked as tagged with /Lang and DisplayDocTitle', () => {
    const root = objs.root;
    const intents = root['/OutputIntents'].map((r: string) => deref(objs, r));
    expect(intents).toHaveLength(1);
    expect(intents[0]['/S']).toBe('/GTS_PDFA1');
    expect(intents[0]['/OutputConditionIdentifier']).toBe('u:sRGB IEC61966-2.1');
    expect(objs.trailer['/Encrypt']).toBeUndefined();
    expect(deref(objs, root['/MarkInfo'])['/Marked']).toBe(true);
    expect(root['/Lang']).toBe('u:en');
    expect(deref(objs, root['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
    expect(pdfinfo(file)['Tagged']).toBe('yes');
  });

  it('labels pages i, ii, then 1, 2', () => {
    expect(json.pagelabels).toEqual([
      { index: 0, label: { '/S': '/r', '/St': 1 } },
      { index: 2, label: { '/S': '/D', '/St': 1 } },
    ]);
    expect(out.composed.pages.map((p) => p.label)).toEqual(['i', 'ii', '1', '2']);
  });

  it('builds the structure tree in reading order', () => {
    const link = ['Link'];
    const note = ['Note', 'Lbl', 'P'];
    const li = (...body: string[]) => ['LI', 'Lbl', 'LBody', ...body];
    const figure = ['Div', 'Figure', 'Caption'];
    const expected = [
      'Document',
      'P', 'P', 'P', 'P', 'P', 'P', 'P',
      'H1', 'TOC', 'TOCI', ...link, 'TOC', 'TOCI', ...link, 'TOCI', ...link, 'TOC', 'TOCI', ...link,
      'Sect', 'H1', 'P', ...link, ...note, ...link, ...link,
      'H2', 'L', ...li('P'), ...li('P', 'L', ...li('P'), ...li('P')), ...li('P'), ...li('P'),
      'BlockQuote', 'P', ...link, ...note,
      'Sect', 'H1', 'H2', 'Code', 'H3',
      'Table', 'TR', 'TH', 'TH', 'TH', 'TR', 'TD', 'TD', 'TD', 'TR', 'TD', 'TD', 'TD',
      ...figure, ...figure, ...figure,
      'P', ...link, ...note,
    ];
    expect(structTags(objs)).toEqual(expected);
  });

  it('gives figures their alt text and a bounding box, header cells a column scope, notes an ID', () => {
    const els = structElements(objs);
    const figures = els.filter((e) => e['/S'] === '/Figure');
    expect(figures.map((f) => f['/Alt'])).toEqual(['u:A small diagram', 'u:A photograph', 'u:A vector shape']);
    for (const f of figures) expect(f['/A']['/BBox']).toHaveLength(4);
    const th = els.filter((e) => e['/S'] === '/TH');
    expect(th.every((e) => e['/A']['/Scope'] === '/Column')).toBe(true);
    const notes = els.filter((e) => e['/S'] === '/Note');
    expect(notes.map((n) => n['/ID'])).toEqual(['u:note-1-1', 'u:note-2-1', 'u:note-3-2']);
    const idTree = deref(objs, deref(objs, objs.root['/StructTreeRoot'])['/IDTree']);
    expect(idTree['/Names'].filter((x: unknown) => typeof x === 'string' && x.startsWith('u:'))).toEqual(['u:note-1-1', 'u:note-2-1', 'u:note-3-2']);
  });

  it('marks running heads and folios as pagination artifacts, and every page content as marked', () => {
    // Every text-showing operator sits inside a marked-content sequence: checked on the
    // uncompressed content streams via qpdf.
    const raw = qdfContent(file);
    expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
    const unmarked = unmarkedText(raw);
    expect(unmarked).toBe(0);
  });

  it('has an outline mirroring the contents, pointing at the heading pages', () => {
    const outline = json.outlines.map((o: any) => ({ title: o.title, page: o.destpageposfrom1, kids: o.kids.map((k: any) => ({ title: k.title, page: k.destpageposfrom1 })) }));
    expect(outline).toEqual([
      { title: 'First Chapter', page: 3, kids: [{ title: 'Lists & quotes', page: 3 }] },
      { title: 'Second Chapter', page: 4, kids: [{ title: 'Code and tables', page: 4 }] },
    ]);
  });

  it('prints on the contents page the folio of the page where each heading is', () => {
    const layout = pdftotext(file, { layout: true, first: 2, last: 2 });
    const labels = out.composed.pages.map((p) => p.label);
    for (const entry of [...book.toc, ...book.toc.flatMap((e) => e.children)]) {
      const line = layout.split('\n').find((l) => l.trim().startsWith(entry.text));
      expect(line, entry.text).toBeDefined();
      const folio = /(\d+)\s*$/.exec(line!)![1];
      // The page that actually shows the heading, found by its text.
      const page = pages.findIndex((p, k) => k > 2 && canonical(p).includes(entry.text));
      expect(labels[page - 1], entry.text).toBe(folio);
    }
    const links = annotations(objs).filter((a) => a.page === 2);
    expect(links.map((l) => l.dest)).toEqual(['first-chapter', 'lists-and-quotes', 'second-chapter', 'code-and-tables']);
  });

  it('links external URLs and internal cross-references, each inside a Link element', () => {
    const annots = annotations(objs);
    const uri = annots.find((a) => a.uri);
    expect(uri?.uri).toBe('https://example.org/a?b=1&c=2');
    const cross = annots.find((a) => a.dest === 'lists-and-quotes' && a.page === 3);
    expect(cross).toBeDefined();
    for (const a of annots) expect(a.structParent, JSON.stringify(a)).toBeTypeOf('number');
    // Named destinations for every heading slug.
    const names = destinationNames(objs);
    for (const slug of ['first-chapter', 'lists-and-quotes', 'second-chapter', 'code-and-tables', 'a-third-level']) expect(names).toContain(slug);
    // Every internal link lands on a destination; note markers point at their note.
    for (const a of annots.filter((x) => x.dest)) expect(names, a.dest).toContain(a.dest);
    expect(annots.filter((a) => a.contents?.startsWith('u:Note ')).map((a) => a.dest)).toEqual(['note-1-1', 'note-2-1', 'note-3-2']);
  });

  it('returns every paragraph of the manuscript, in order, from pdftotext', () => {
    const text = normalise(pages.slice(3).join('\n'));
    expect(missingInOrder(text, blockTexts(book))).toEqual([]);
  });

  it('sets each footnote at the foot of the page that cites it, with its number', () => {
    const cites = new Map<number, number>();
    out.composed.pages.forEach((p, k) => p.boxes.forEach((b) => b.box.noteRefs.forEach((n) => cites.set(n, k + 1))));
    for (const note of book.notes) {
      const page = cites.get(note.number)!;
      const text = canonical(plainText((note.children[0] as Extract<Block, { type: 'paragraph' }>).content));
      expect(canonical(pages[page]), `note ${note.number}`).toContain(`${note.number} ${text}`);
      expect(out.composed.pages[page - 1].notes.some((n) => n.note === note.number && n.start)).toBe(true);
    }
    // The note text comes after the body text of its page.
    expect(canonical(pages[3]).indexOf('The first note.')).toBeGreaterThan(canonical(pages[3]).indexOf('A quoted paragraph'));
  });

  it('reports the first word of every body page', () => {
    expect(out.pdf.pageStarts).toEqual([
      { label: '1', page: 3, blockId: 'b1', word: 0 },
      { label: '2', page: 4, blockId: book.chapters[1].blocks[0].id, word: 0 },
    ]);
  });

  it('has no running head on chapter openings and none on the title page, and no folio on either', () => {
    for (const p of out.composed.pages) {
      if (p.kind === 'title' || p.chapterOpening) expect(p.runningHead).toBeUndefined();
      if (p.kind === 'title' || (p.kind === 'body' && p.chapterOpening)) expect(p.folio).toBe(false);
    }
    expect(out.composed.pages[0].folio).toBe(false);
  });

  it('is byte-identical when rendered twice', async () => {
    const again = await renderPdf(sampleBook(), context());
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(out.pdf.bytes))).toBe(0);
  });

  it('counts its typography', () => {
    const s = out.pdf.stats;
    expect(s.pages).toBe(4);
    expect(s.faults).toEqual([]);
    expect(s.footnotes).toBe(3);
    expect(s.lines).toBeGreaterThan(20);
    expect(words(book)).toBeGreaterThan(0);
  });
});

function words(book: Book): number {
  let n = 0;
  for (const ch of book.chapters) for (const b of ch.blocks) if (b.type === 'paragraph') n += splitWords(plainText(b.content)).length;
  return n;
}

