// Renders the requested editions of one Book. Each writer is imported only when
// its edition is asked for: pdfkit and epub-gen-memory alone cost a quarter of a
// second to load, which would dominate a small article's build.

import type { Book } from '../model/document.js';
import type { Format, PageStart, RenderContext } from '../editions/edition.js';

export interface Rendered {
  format: Format;
  bytes: Uint8Array;
  pages?: number;
  ms: number;
}

const encoder = new TextEncoder();

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/**
 * The EPUB's page list points at the print edition's pages, so whenever an EPUB is
 * asked for the PDF's pages are composed first, even when the PDF is not itself
 * written: the EPUB is then the same whichever other editions a build writes.
 */
export async function renderEditions(book: Book, formats: readonly Format[], ctx: RenderContext, printEdition: string): Promise<Rendered[]> {
  const out = new Map<Format, Rendered>();
  let pageStarts: PageStart[] | undefined;

  const epub = formats.includes('epub') ? await import('../editions/epub/index.js') : undefined;
  epub?.startCover(book);
  if (formats.includes('pdf')) {
    const { renderPdf } = await import('../editions/pdf/index.js');
    const [pdf, ms] = await timed(() => renderPdf(book, ctx));
    pageStarts = pdf.pageStarts;
    out.set('pdf', { format: 'pdf', bytes: pdf.bytes, pages: pdf.pages, ms });
  } else if (epub) {
    // The pages only: composing them is all the page list needs.
    const { layoutPageStarts } = await import('../editions/pdf/index.js');
    pageStarts = layoutPageStarts(book, ctx);
  }
  if (epub) {
    const [bytes, ms] = await timed(() => epub.renderEpub(book, ctx, { pageStarts, printEdition }));
    out.set('epub', { format: 'epub', bytes, ms });
  }
  if (formats.includes('txt')) {
    const { renderText } = await import('../editions/text/index.js');
    const [text, ms] = await timed(async () => renderText(book, ctx));
    out.set('txt', { format: 'txt', bytes: encoder.encode(text), ms });
  }
  if (formats.includes('html')) {
    const { renderHtml } = await import('../editions/html/index.js');
    const [html, ms] = await timed(async () => renderHtml(book, ctx));
    out.set('html', { format: 'html', bytes: encoder.encode(html), ms });
  }
  return formats.map((f) => out.get(f)!);
}
