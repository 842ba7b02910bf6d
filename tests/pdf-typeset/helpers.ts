// Shared helpers for the typesetting tests: styles, a typesetter with its diagnostics,
// and rendering set lines into a real pdfkit document.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { Diagnostics } from '../../src/diagnostics.js';
import { Typesetter } from '../../src/editions/pdf/typeset/index.js';
import type { SetLine, TextStyle } from '../../src/editions/pdf/typeset/types.js';
import { tmpDir } from '../support/tools.js';

export const serif: TextStyle = { family: 'serif', bold: false, italic: false, size: 10.5 };
export const mono: TextStyle = { family: 'mono', bold: false, italic: false, size: 9 };

export function typesetter(lang = 'en'): { ts: Typesetter; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  return { ts: new Typesetter({ lang, diagnostics }), diagnostics };
}

/** Sum of the run widths: what the line occupies on the page. */
export function drawnWidth(line: SetLine): number {
  return line.runs.reduce((w, r) => w + r.width, 0);
}

/** Right edge of the rightmost run, from the line's left edge. */
export function rightEdge(line: SetLine): number {
  return line.runs.reduce((m, r) => Math.max(m, r.x + r.width), 0);
}

/** Text of a line in logical order for left-to-right lines (runs joined). */
export function lineText(line: SetLine): string {
  return line.runs.map((r) => r.text).join('');
}

export interface Page {
  /** Lines drawn on this page, top to bottom. */
  lines: SetLine[];
}

/**
 * Draws pages of set lines into a pdfkit document (PDF 1.7, A5, one page per entry)
 * and writes it to a temporary file, whose path is returned.
 */
export async function renderPdf(ts: Typesetter, pages: SetLine[][], name = 'typeset.pdf'): Promise<string> {
  const doc = new PDFDocument({ size: 'A5', pdfVersion: '1.7', autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (const lines of pages) {
    doc.addPage({ size: 'A5', margin: 0 });
    let y = 50;
    for (const line of lines) {
      y += line.ascent;
      ts.drawLine(doc, line, 50, y);
      y += line.leading - line.ascent;
    }
  }
  doc.end();
  await done;
  const file = path.join(tmpDir('imprint-typeset-'), name);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

/** The first deflated stream of a PDF file that shows text (TJ): the page's content stream, decoded. */
export function textContentStream(file: string): string {
  const pdf = readFileSync(file);
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pdf.toString('latin1')))) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, pdf.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a deflated stream
    }
    if (content.includes(' TJ')) return content;
  }
  throw new Error(`${file}: no content stream shows text`);
}
