// Pagination of a long book: widows and orphans, headings kept with their text,
// footnotes on the page that cites them (continued only when they must be),
// tables longer than a page, running heads, contents folios, page starts, binding.

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdfDetailed, type PdfRendering } from '../../src/editions/pdf/index.js';
import { plainText, splitWords } from '../../src/model/words.js';
import type { Block, Book } from '../../src/model/document.js';
import { pdfPages, pdftotext, qpdfCheck, qpdfJson, requireTool, writeTmp } from '../support/tools.js';
import { canonical, context, normalise, objects, structTags } from './helpers.js';
import { longBook } from './long-book.js';

const tools = ['qpdf', 'pdftotext'].every((t) => requireTool(t));

function leafBlocks(book: Book): Map<string, Block> {
  const out = new Map<string, Block>();
  const walk = (bs: Block[]) => {
    for (const b of bs) {
      out.set(b.id, b);
      if (b.type === 'blockquote') walk(b.children);
      if (b.type === 'list') b.items.forEach((i) => walk(i.children));
    }
  };
  book.chapters.forEach((c) => walk(c.blocks));
  return out;
}

function blockWords(b: Block): string[] {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return splitWords(plainText(b.content));
    case 'code':
      return splitWords(b.value);
    case 'figure':
      return splitWords(plainText(b.caption));
    case 'table':
      return [...b.head, ...b.rows.flat()].flatMap((c) => splitWords(plainText(c)));
    default:
      return [];
  }
}

/** Page text without its running head line. */
function bodyText(page: string, head: string | undefined): string {
  const t = canonical(page);
  return head && t.startsWith(canonical(head)) ? t.slice(canonical(head).length).trim() : t;
}

describe.runIf(tools)('PDF edition — pagination of a long book', () => {
  let book: Book;
  let out: PdfRendering;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    book = longBook();
    out = await renderPdfDetailed(book, context());
    file = writeTmp('long.pdf', out.pdf.bytes);
    pages = pdfPages(file);
  });

  it('is valid and long enough to test pagination', () => {
    expect(qpdfCheck(file).ok).toBe(true);
    expect(out.pdf.pages).toBeGreaterThan(30);
    expect(pages.length - 1).toBe(out.pdf.pages);
  });

  it('never leaves a single line of a paragraph at the top or the foot of a page, nor a heading at the foot', () => {
    expect(out.pdf.stats.faults).toEqual([]);
    // Independently of the fault finder: look at the page model.
    let paragraphBreaks = 0;
    out.composed.pages.forEach((page, k) => {
      const flow = page.boxes.filter((p) => !p.repeated).map((p) => p.box);
      if (page.kind !== 'body' || flow.length === 0) return;
      const first = flow[0];
      const last = flow[flow.length - 1];
      if (first.para && first.para.line > 0) {
        paragraphBreaks++;
        expect(first.para.lines - first.para.line, `widow on page ${k + 1}`).toBeGreaterThanOrEqual(2);
        expect(first.para.line, `orphan before page ${k + 1}`).toBeGreaterThanOrEqual(2);
      }
      if (last.para && last.para.line < last.para.lines - 1) {
        expect(last.para.line + 1, `orphan on page ${k + 1}`).toBeGreaterThanOrEqual(2);
      }
      const next = out.composed.pages[k + 1];
      if (next?.kind === 'body' && next.boxes.length > 0) expect(last.kind, `page ${k + 1} ends with a heading`).not.toBe('heading');
    });
    expect(paragraphBreaks).toBeGreaterThan(5);
  });

  it('keeps every heading with at least two lines of what follows', () => {
    out.composed.pages.forEach((page, k) => {
      const flow = page.boxes.filter((p) => !p.repeated).map((p) => p.box);
      flow.forEach((b, i) => {
        if (b.kind !== 'heading' || !b.heading) return;
        const after = flow.slice(i + 1).filter((x) => x.kind !== 'heading');
        const rest = after.length;
        expect(rest >= 2 || (after[0]?.para?.lines ?? 2) <= rest || (after[0] && !after[0].para), `heading "${b.heading.text}" on page ${k + 1}`).toBe(true);
      });
    });
  });

  it('sets each note, or at least its first lines, on the page of its first reference there', () => {
    let continued = 0;
    out.composed.pages.forEach((page, k) => {
      const cited = new Set(page.boxes.flatMap((b) => (b.repeated ? [] : b.box.noteRefs)));
      for (const n of cited) {
        expect(page.notes.some((p) => p.note === n), `note ${n} missing from page ${k + 1}`).toBe(true);
      }
      for (const piece of page.notes) {
        if (piece.start) {
          expect(cited.has(piece.note), `note ${piece.note} on page ${k + 1} without a reference`).toBe(true);
          expect(piece.boxes.length).toBeGreaterThanOrEqual(Math.min(2, out.composed.pages.length));
          expect(canonical(pages[k + 1])).toContain(`Note ${piece.note} says:`);
        } else {
          continued++;
          // A continuation follows directly on the next page.
          const prev = out.composed.pages[k - 1];
          expect(prev.notes.some((p) => p.occurrence === piece.occurrence)).toBe(true);
        }
      }
    });
    expect(continued).toBeGreaterThan(0);
    expect(out.pdf.stats.continuedFootnotes).toBe(continued);
  });

  it('gives a note cited again on a later page a second setting there', () => {
    const settings = new Map<number, number>();
    for (const p of out.composed.pages) for (const n of p.notes) if (n.start) settings.set(n.note, (settings.get(n.note) ?? 0) + 1);
    expect([...settings.values()].some((v) => v >= 2)).toBe(true);
  });

  it('returns the full text of every note across the pages it spans', () => {
    const all = normalise(pages.join('\n'));
    for (const note of book.notes) {
      const text = canonical(plainText((note.children[0] as Extract<Block, { type: 'paragraph' }>).content));
      // A continued note is interrupted by the next page's body text: check its words in order.
      let at = all.indexOf(`Note ${note.number} says:`);
      expect(at, `note ${note.number}`).toBeGreaterThanOrEqual(0);
      for (const word of text.split(' ')) {
        let k = all.indexOf(word, at);
        if (k < 0 || k - at > 400) {
          // A word hyphenated across the page turn comes back in two pieces with the
          // next page's head and body text between them: find its tail nearby.
          const tail = [...Array(word.length - 2).keys()].map((i) => word.slice(i + 2)).find((t) => {
            const m = all.indexOf(t, at);
            return m >= 0 && m - at <= 2000;
          });
          k = tail ? all.indexOf(tail, at) - (word.length - tail.length) : -1;
        }
        expect(k, `note ${note.number}: "${word}"`).toBeGreaterThanOrEqual(0);
        at = k + word.length;
      }
    }
  });

  it('repeats the table header on every page the table continues on', () => {
    const rowPages = pages.map((p, k) => ({ k, rows: (p.match(/Row \d+/g) ?? []).length, text: canonical(p) })).filter((p) => p.rows > 0);
    expect(rowPages.length).toBeGreaterThanOrEqual(3);
    for (const p of rowPages) {
      const head = out.composed.pages[p.k - 1].runningHead;
      expect(bodyText(pages[p.k], head).slice(0, 200), `page ${p.k}`).toMatch(/Item Quantity Remark/);
    }
    // Repeated headers are drawn, not tagged again: one header row in the structure.
    const tags = structTags(objects(qpdfJson(file)));
    expect(tags.filter((t) => t === 'TH')).toHaveLength(3);
    expect(tags.filter((t) => t === 'TR')).toHaveLength(71);
  });

  it('runs the book title on even pages and the chapter title on odd ones; no running head or folio on chapter openings', () => {
    let checked = 0;
    out.composed.pages.forEach((page, k) => {
      if (page.kind !== 'body') return;
      const text = canonical(pages[k + 1]);
      if (page.chapterOpening) {
        expect(page.runningHead).toBeUndefined();
        expect(page.folio, `no folio on the chapter opening, page ${k + 1}`).toBe(false);
        expect(text.startsWith(book.chapters[page.chapter].title), `page ${k + 1}`).toBe(true);
        expect(text.endsWith(page.label), `no folio printed on page ${k + 1}`).toBe(false);
        return;
      }
      const folio = Number(page.label);
      const expected = folio % 2 === 0 ? book.meta.title : book.chapters[page.chapter].title;
      expect(page.runningHead).toBe(expected);
      expect(text.startsWith(canonical(expected)), `page ${k + 1}`).toBe(true);
      expect(text.endsWith(page.label), `folio on page ${k + 1}`).toBe(true);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('prints the folio of each heading in the contents and points the outline there', () => {
    const json = qpdfJson(file);
    const labels = out.composed.pages.map((p) => p.label);
    const contents = pdftotext(file, { layout: true, first: 2, last: out.composed.frontPages });
    const flat = (es: Book['toc']): Book['toc'] => es.flatMap((e) => [e, ...flat(e.children)]);
    const outline = (os: any[]): any[] => os.flatMap((o) => [o, ...outline(o.kids)]);
    const marks = outline(json.outlines);
    for (const entry of flat(book.toc)) {
      const page = pages.findIndex((p, k) => k > out.composed.frontPages && canonical(p).includes(`${entry.text} `) && out.composed.pages[k - 1].boxes.some((b) => b.box.heading?.slug === entry.slug));
      expect(page, entry.text).toBeGreaterThan(0);
      const line = contents.split('\n').find((l) => l.trim().startsWith(entry.text));
      expect(/(\d+)\s*$/.exec(line ?? '')?.[1], entry.text).toBe(labels[page - 1]);
      expect(marks.find((m) => m.title === entry.text)?.destpageposfrom1, entry.text).toBe(page);
    }
  });

  it('reports for every body page the word that starts it', () => {
    const blocks = leafBlocks(book);
    const bodyPages = out.composed.pages.filter((p) => p.kind === 'body').length;
    expect(out.pdf.pageStarts).toHaveLength(bodyPages);
    for (const start of out.pdf.pageStarts) {
      const page = out.composed.pages[start.page - 1];
      expect(start.label).toBe(page.label);
      const word = blockWords(blocks.get(start.blockId)!)[start.word];
      expect(word, JSON.stringify(start)).toBeDefined();
      const text = bodyText(pages[start.page], page.runningHead);
      // The page may open with the end of a word hyphenated overleaf, then this word.
      const skip = page.boxes[0]?.repeated ? 3 : 0; // a repeated table header comes first
      const firstWords = text.split(' ').slice(skip, skip + 3).map((w) => w.replace(/\d+$/, ''));
      expect(firstWords.some((w) => canonical(word).startsWith(w) && w.length > 0), `${word} vs ${firstWords.join(' ')} on page ${start.page}`).toBe(true);
    }
  });
});

describe.runIf(tools)('PDF edition — bound book', () => {
  let out: PdfRendering;
  let file: string;

  beforeAll(async () => {
    out = await renderPdfDetailed(longBook({ binding: true, chapters: 3, paragraphsPerChapter: 14 }), context());
    file = writeTmp('bound.pdf', out.pdf.bytes);
  });

  it('opens the contents and every chapter on a recto, with blank versos where needed', () => {
    expect(qpdfCheck(file).ok).toBe(true);
    const pages = out.composed.pages;
    expect(out.composed.frontPages % 2).toBe(0);
    pages.forEach((p, k) => {
      if (p.kind === 'contents' && p.chapterOpening) expect((k + 1) % 2, 'contents').toBe(1);
      if (p.kind === 'body' && p.chapterOpening) expect((k + 1) % 2, `chapter on page ${k + 1}`).toBe(1);
      if (p.kind === 'blank') {
        expect(p.boxes).toHaveLength(0);
        expect(p.folio).toBe(false);
        expect(p.runningHead).toBeUndefined();
      }
    });
    expect(pages.some((p) => p.kind === 'blank')).toBe(true);
    const text = pdfPages(file);
    pages.forEach((p, k) => {
      if (p.kind === 'blank') expect(text[k + 1].trim()).toBe('');
    });
  });

  it('mirrors the margins: the text block sits further out on verso pages', () => {
    const bbox = pdftotextBbox(file);
    const recto = bbox.filter((b) => b.page % 2 === 1 && out.composed.pages[b.page - 1].kind === 'body');
    const verso = bbox.filter((b) => b.page % 2 === 0 && out.composed.pages[b.page - 1].kind === 'body');
    const minX = (xs: typeof bbox) => Math.min(...xs.map((b) => b.xMin));
    expect(minX(verso) - minX(recto)).toBeGreaterThan(30);
  });
});


function pdftotextBbox(file: string): Array<{ page: number; xMin: number }> {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: Array<{ page: number; xMin: number }> = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)"/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]) });
  }
  return out;
}
