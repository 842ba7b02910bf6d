// The part of the typesetting core the composer relies on, named in one place.

import type PDFDocument from 'pdfkit';
import type { DrawLineOptions, ParagraphOptions, SetLine, Span, TextStyle, TypesetStats } from './typeset/types.js';

export type Doc = InstanceType<typeof PDFDocument>;

export interface Setter {
  setParagraph(spans: Span[], opts: ParagraphOptions): SetLine[];
  measure(text: string, style: TextStyle): number;
  drawLine(doc: Doc, line: SetLine, x: number, baselineY: number, opts?: DrawLineOptions): unknown;
  stats(): TypesetStats;
}
