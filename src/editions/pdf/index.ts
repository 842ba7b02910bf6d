// The PDF edition: compose the whole book into a page model with the typesetting
// core, then write it with pdfkit as a tagged PDF/A-2a document.

import { createRequire } from 'node:module';
import type { Book, Resource } from '../../model/document.js';
import { isRightToLeft } from '../common/writing-direction.js';
import type { PageStart, RenderContext } from '../edition.js';
import { Typesetter } from './typeset/index.js';
import { pageGeometry } from './geometry.js';
import { bookStyles } from './styles.js';
import type { LayoutEnv } from './blocks.js';
import { composeBook } from './compose.js';
import { Emitter } from './emit.js';
import { installEscapingXmp, pdfInfo, setPageLabels } from './metadata.js';
import { layoutFaults, type LayoutFault } from './faults.js';
import type { ComposedBook } from './pages.js';
import type { Setter } from './setter.js';
import type { TypesetStats } from './typeset/types.js';

// pdfkit through require, not import: its ES build pulls in fontkit's ES build,
// while the typesetter (like pdfkit's CommonJS build) uses fontkit's CommonJS one;
// one fontkit in the process instead of two is ~0.1 s less start-up and one copy
// of every parsed font.
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

export type { ComposedBook, ComposedPage } from './pages.js';
export type { LayoutFault } from './faults.js';

/** PDF/A flavour written: level A needs the complete structure tree this edition builds. */
export const PDF_SUBSET = 'PDF/A-2a';

export interface PdfStats {
  pages: number;
  frontPages: number;
  bodyPages: number;
  /** Body lines set (text, headings, code, table cells, captions; notes excluded). */
  lines: number;
  /** Word-space stretch of justified body lines (1 = natural). */
  meanSpaceRatio: number;
  maxSpaceRatio: number;
  hyphenatedLines: number;
  /** Footnote settings, and how many of them continue onto the next page. */
  footnotes: number;
  continuedFootnotes: number;
  /** Widows, orphans and headings at the foot of a page (the rules say zero). */
  faults: LayoutFault[];
  /** The typesetting core's own counters. */
  typesetter: TypesetStats;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  pageStarts: PageStart[];
  stats: PdfStats;
}

export interface PdfRendering {
  pdf: RenderedPdf;
  /** The page model the PDF was written from (for tests and diagnostics). */
  composed: ComposedBook;
}

export async function renderPdf(book: Book, ctx: RenderContext): Promise<RenderedPdf> {
  return (await renderPdfDetailed(book, ctx)).pdf;
}

/**
 * Where each printed page begins, from the page model alone: what the EPUB's page list
 * needs when the PDF itself is not being written (no pdfkit, no font embedding, no
 * compression). The same pages as renderPdf's, which composes the same way.
 */
export function layoutPageStarts(book: Book, ctx: RenderContext): PageStart[] {
  // Progress is the EPUB's: no PDF is being written.
  const { progress } = ctx;
  const env = layoutEnv(book, ctx, progress && ((detail) => progress({ format: 'epub', detail: `print pages for the page list, ${detail}` })));
  return pageStarts(composeBook(env, book).composed);
}

function layoutEnv(book: Book, ctx: RenderContext, progress: LayoutEnv['progress']): LayoutEnv {
  const lang = book.meta.lang;
  const setter: Setter = new Typesetter({ lang, diagnostics: ctx.diagnostics });
  const geometry = pageGeometry(book.meta.pdf.size, book.meta.pdf.binding);
  return {
    setter,
    styles: bookStyles(geometry),
    geometry,
    lang,
    rtl: isRightToLeft(lang),
    book,
    diagnostics: ctx.diagnostics,
    resources: new Map<string, Resource>(book.resources.map((r) => [r.id, r])),
    progress,
  };
}

export async function renderPdfDetailed(book: Book, ctx: RenderContext): Promise<PdfRendering> {
  const { meta } = book;
  const lang = meta.lang;
  const { progress } = ctx;
  const env = layoutEnv(book, ctx, progress && ((detail) => progress({ format: 'pdf', detail })));
  const { setter, geometry } = env;
  const { composed, documentNode, noteRoots } = composeBook(env, book);

  const doc = new PDFDocument({
    pdfVersion: '1.7',
    lang,
    displayTitle: true,
    tagged: true,
    subset: PDF_SUBSET,
    compress: true,
    autoFirstPage: false,
    info: pdfInfo(meta, ctx.generator) as never,
  });
  installEscapingXmp(doc, lang);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  new Emitter({
    doc,
    setter,
    geometry,
    styles: env.styles,
    lang,
    book,
    composed,
    documentNode,
    noteRoots,
    diagnostics: ctx.diagnostics,
    progress: env.progress,
  }).emit();
  setPageLabels(doc, composed.frontPages);
  doc.end();
  await finished;

  const bytes = new Uint8Array(Buffer.concat(chunks));
  return { pdf: { bytes, pages: composed.pages.length, pageStarts: pageStarts(composed), stats: stats(composed, setter) }, composed };
}

/** For every body page, the first word set on it (footnotes and repeated headers excluded). */
export function pageStarts(composed: ComposedBook): PageStart[] {
  const out: PageStart[] = [];
  composed.pages.forEach((page, k) => {
    if (page.kind !== 'body') return;
    const first = page.boxes.find((p) => !p.repeated && p.box.firstWord)?.box.firstWord;
    if (first) out.push({ label: page.label, page: k + 1, blockId: first.blockId, word: first.word });
  });
  return out;
}

function stats(composed: ComposedBook, setter: Setter): PdfStats {
  let lines = 0;
  let hyphenated = 0;
  let ratioSum = 0;
  let ratioCount = 0;
  let maxRatio = 1;
  let footnotes = 0;
  let continued = 0;
  for (const page of composed.pages) {
    if (page.kind !== 'body') continue;
    for (const placed of page.boxes) {
      if (placed.repeated) continue;
      for (const item of placed.box.items) {
        if (item.kind !== 'line' || item.owner === 'artifact' || item.owner.type === 'Lbl') continue;
        lines++;
        if (item.line.hyphenated) hyphenated++;
        if (item.line.spaceRatio !== 1) {
          ratioSum += item.line.spaceRatio;
          ratioCount++;
          maxRatio = Math.max(maxRatio, item.line.spaceRatio);
        }
      }
    }
    footnotes += page.notes.length;
    continued += page.notes.filter((n) => !n.start).length;
  }
  const body = composed.pages.length - composed.frontPages;
  return {
    pages: composed.pages.length,
    frontPages: composed.frontPages,
    bodyPages: body,
    lines,
    meanSpaceRatio: ratioCount ? Math.round((ratioSum / ratioCount) * 1000) / 1000 : 1,
    maxSpaceRatio: Math.round(maxRatio * 1000) / 1000,
    hyphenatedLines: hyphenated,
    footnotes,
    continuedFootnotes: continued,
    faults: layoutFaults(composed),
    typesetter: setter.stats(),
  };
}
