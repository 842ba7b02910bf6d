// Small PDFs made on the spot with pdfkit, each right or wrong in one known way,
// so `imprint check` can be shown to pass the good and name what is wrong with the bad.

import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../support/cli.js';

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

const FONT = path.join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');

export interface PdfSpec {
  /** Embed DejaVu Serif (true) or use the standard Helvetica, which is never embedded. */
  embedFont?: boolean;
  /** Declare PDF/A-2b (with XMP metadata and an output intent). */
  pdfa?: boolean;
  tagged?: boolean;
  title?: string;
  /** Contents entries as printed: heading text and the folio given for it. */
  contents?: [string, string][];
  /** Pages after the contents: each a list of lines, the first usually a heading. */
  pages?: string[][];
  /** Roman folios for the title and contents pages, arabic from 1 after them. */
  labels?: boolean;
}

export function makePdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    pdfVersion: spec.pdfa ? '1.7' : '1.3',
    subset: spec.pdfa ? 'PDF/A-2b' : undefined,
    tagged: spec.tagged ?? false,
    info: { Title: spec.title ?? 'A Test Book', CreationDate: new Date('2024-01-01T00:00:00Z') },
    size: 'A5',
    font: spec.embedFont === false ? 'Helvetica' : FONT,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(20).text(spec.title ?? 'A Test Book');
  if (spec.contents) {
    doc.addPage().fontSize(16).text('Contents').moveDown().fontSize(11);
    for (const [heading, folio] of spec.contents) doc.text(`${heading} ${'.'.repeat(Math.max(3, 40 - heading.length))} ${folio}`);
  }
  for (const lines of spec.pages ?? []) {
    doc.addPage();
    lines.forEach((line, i) => doc.fontSize(i === 0 ? 16 : 11).text(line));
  }
  if (spec.labels) {
    const front = spec.contents ? 2 : 1;
    (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: [0, { S: 'r' }, front, { S: 'D', St: 1 }] };
  }
  doc.end();
  return done;
}

/** A book whose contents is right: "One" on page 1, "Two" on page 2 (and its running head on 3), "Three" on 3. */
export const GOOD_BOOK: PdfSpec = {
  embedFont: true,
  pdfa: true,
  tagged: true,
  labels: true,
  contents: [['One', '1'], ['Two', '2'], ['Three', '3']],
  pages: [
    ['One', 'The first chapter begins here and ends on this page.'],
    ['Two', 'The second chapter.'],
    ['Two', 'Three', 'The third section, under a running head that repeats “Two”.'],
  ],
};
