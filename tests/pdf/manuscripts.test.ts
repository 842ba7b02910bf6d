// The PDF edition on real manuscripts read by the Markdown reader: the article
// and the kitchen-sink fixture (every construct, PNG/JPEG/SVG images).

import { beforeAll, describe, expect, it } from 'vitest';
import { readManuscript } from '../../src/reader/read.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderPdf, renderPdfDetailed, type PdfRendering } from '../../src/editions/pdf/index.js';
import type { Book } from '../../src/model/document.js';
import { plainText, splitWords } from '../../src/model/words.js';
import { leafWords } from '../../src/editions/epub/page-markers.js';
import { pdffonts, pdfinfo, pdfPages, pdftotext, qpdfCheck, qpdfJson, requireTool, writeTmp } from '../support/tools.js';
import { blockTexts, canonical, context, missingInOrder, normalise, objects, structTags, withoutFurniture } from './helpers.js';

const tools = ['qpdf', 'pdftotext', 'pdffonts', 'pdfinfo'].every((t) => requireTool(t));

async function read(file: string): Promise<{ book: Book; diagnostics: Diagnostics }> {
  const diagnostics = new Diagnostics();
  const book = await readManuscript(file, { diagnostics, env: {} });
  return { book, diagnostics };
}

function checkCommon(name: string, get: () => { book: Book; out: PdfRendering; file: string; pages: string[] }) {
  it(`${name}: passes qpdf --check, embeds every font, is tagged PDF/A`, () => {
    const { file } = get();
    expect(qpdfCheck(file).ok).toBe(true);
    for (const f of pdffonts(file)) {
      expect(f.embedded && f.subset, f.name).toBe(true);
      expect(f.name).not.toMatch(/^(Times|Helvetica|Courier|Symbol|ZapfDingbats)/);
    }
    const info = pdfinfo(file);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(get().book.meta.title);
  });

  it(`${name}: returns every paragraph in order`, () => {
    const { book, out, pages } = get();
    const body = pages.slice(out.composed.frontPages + 1);
    const text = normalise(body.map((p, k) => withoutFurniture(p, out.composed.pages[out.composed.frontPages + k].runningHead)).join('\n'));
    expect(missingInOrder(text, blockTexts(book))).toEqual([]);
  });

  it(`${name}: prints on the contents the folio of the page each heading is on`, () => {
    const { book, out, file, pages } = get();
    const contents = pdftotext(file, { layout: true, first: 2, last: out.composed.frontPages });
    const flat = (es: Book['toc']): Book['toc'] => es.flatMap((e) => [e, ...flat(e.children)]);
    for (const entry of flat(book.toc)) {
      const where = out.composed.headings.get(entry.slug)!;
      expect(canonical(pages[where.page]), entry.text).toContain(canonical(entry.text));
      // Entry text may wrap: the folio ends the entry's last line.
      const lines = contents.split('\n');
      const at = lines.findIndex((l) => canonical(l).startsWith(canonical(entry.text).split(' ').slice(0, 3).join(' ')));
      expect(at, entry.text).toBeGreaterThanOrEqual(0);
      const folioLine = lines.slice(at).find((l) => /\d+\s*$/.test(l));
      expect(/(\d+)\s*$/.exec(folioLine ?? '')?.[1], entry.text).toBe(where.label);
    }
  });

  it(`${name}: has no widows, orphans or headings at the foot`, () => {
    expect(get().out.pdf.stats.faults).toEqual([]);
  });

  it(`${name}: reports page starts that name the first word on the page`, () => {
    const { book, out, pages } = get();
    const byId = new Map<string, any>();
    const walk = (bs: any[]) => bs.forEach((b) => { byId.set(b.id, b); if (b.children) walk(b.children); if (b.items) b.items.forEach((i: any) => walk(i.children)); });
    book.chapters.forEach((c) => walk(c.blocks));
    expect(out.pdf.pageStarts.length).toBe(out.composed.pages.filter((p) => p.kind === 'body').length);
    for (const start of out.pdf.pageStarts) {
      const block = byId.get(start.blockId);
      expect(start.word).toBeLessThan(leafWords(block));
      const words = block.type === 'code' ? splitWords(block.value) : splitWords(plainText(block.content ?? block.caption ?? []));
      const page = out.composed.pages[start.page - 1];
      let text = canonical(pages[start.page]);
      if (page.runningHead && text.startsWith(canonical(page.runningHead))) text = text.slice(canonical(page.runningHead).length).trim();
      expect(text.split(' ').slice(0, 3).some((w) => w.length > 0 && canonical(words[start.word]).startsWith(w.replace(/\d+$/, ''))), `${words[start.word]} / ${text.slice(0, 40)}`).toBe(true);
    }
  });

  it(`${name}: is byte-identical when rendered twice`, async () => {
    const { book, out } = get();
    const again = await renderPdf(book, context());
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(out.pdf.bytes))).toBe(0);
  });
}

describe.runIf(tools)('PDF edition — manuscript/article.md', () => {
  let book: Book;
  let out: PdfRendering;
  let file: string;
  let pages: string[];
  let diagnostics: Diagnostics;

  beforeAll(async () => {
    ({ book, diagnostics } = await read('manuscript/article.md'));
    out = await renderPdfDetailed(book, context(diagnostics));
    file = writeTmp('article.pdf', out.pdf.bytes);
    pages = pdfPages(file);
  });

  checkCommon('article', () => ({ book, out, file, pages }));

  it('renders without warnings, its ## sections running on after one opening page', () => {
    expect(diagnostics.warnings).toEqual([]);
    const openings = out.composed.pages.filter((p) => p.kind === 'body' && p.chapterOpening).length;
    expect(book.chapters.length).toBe(9);
    expect(openings).toBe(1);
  });
});

describe.runIf(tools)('PDF edition — kitchen-sink fixture', () => {
  let book: Book;
  let out: PdfRendering;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    const r = await read('tests/fixtures/kitchen-sink/book.md');
    book = r.book;
    out = await renderPdfDetailed(book, context(r.diagnostics));
    file = writeTmp('kitchen.pdf', out.pdf.bytes);
    pages = pdfPages(file);
  });

  checkCommon('kitchen sink', () => ({ book, out, file, pages }));

  it('embeds the PNG and the JPEG as images and draws the SVG as vectors', () => {
    const json = qpdfJson(file);
    const images = json.pages.flatMap((p: any) => p.images);
    expect(images).toHaveLength(2);
    const filters = images.map((i: any) => (i.filter ?? []).join(' ')).sort();
    expect(filters).toEqual(['/DCTDecode', '/FlateDecode']);
    const tags = structTags(objects(json));
    expect(tags.filter((t) => t === 'Figure')).toHaveLength(3);
  });

  it('tags headings of all six levels, the nested quote and the loose list', () => {
    const tags = structTags(objects(qpdfJson(file)));
    for (const h of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6']) expect(tags, h).toContain(h);
    expect(tags.filter((t) => t === 'BlockQuote')).toHaveLength(2);
    expect(tags.filter((t) => t === 'Note')).toHaveLength(4);
    expect(tags.filter((t) => t === 'Code')).toHaveLength(2);
  });

  it('sets the footnotes on the pages citing them, the first again where it is cited again', () => {
    for (const [k, page] of out.composed.pages.entries()) {
      const cited = new Set(page.boxes.flatMap((b) => b.box.noteRefs));
      for (const n of cited) {
        expect(page.notes.some((p) => p.note === n), `note ${n} on page ${k + 1}`).toBe(true);
        const note = book.notes[n - 1];
        const text = canonical(plainText((note.children[0] as any).content));
        expect(canonical(pages[k + 1])).toContain(text);
      }
    }
    const settings = out.composed.pages.flatMap((p) => p.notes.filter((n) => n.start).map((n) => n.note));
    expect(settings.filter((n) => n === 1)).toHaveLength(2);
  });

  it('escapes the title in the XMP packet', () => {
    expect(book.meta.title).toContain('&');
    const xmp = Buffer.from(out.pdf.bytes).toString('utf8');
    expect(xmp).toContain('Kitchen Sink &amp; &lt;Everything&gt;');
    expect(xmp).not.toContain('<rdf:li xml:lang="x-default">Kitchen Sink & <');
  });
});
