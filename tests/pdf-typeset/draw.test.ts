// drawLine's contract with the composer: link boxes and annotations, lines drawn in
// parts or from copied runs, and what the content stream holds.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SetLine } from '../../src/editions/pdf/typeset/types.js';
import { qpdfJson, requireTool, writeTmp } from '../support/tools.js';
import { articleParagraphs } from './corpus.js';
import { renderPdf, serif, textContentStream, typesetter } from './helpers.js';

const haveQpdf = requireTool('qpdf');

function linked() {
  const { ts } = typesetter();
  const lines = ts.setParagraph(
    [
      { text: 'See ', style: serif },
      { text: 'the web site', style: serif, link: 'https://example.org/' },
      { text: ' and ', style: serif },
      { text: 'chapter two', style: { ...serif, italic: true }, link: '#chapter-two' },
      { text: '.', style: serif },
    ],
    { width: 400, lang: 'en', align: 'left', hyphenate: false },
  );
  return { ts, lines };
}

describe('drawLine', () => {
  test('returns one box per linked stretch, from the baseline minus the ascent', async () => {
    const { ts, lines } = linked();
    const PDFDocument = (await import('pdfkit')).default;
    const doc = new PDFDocument({ size: 'A5', autoFirstPage: true });
    const boxes = ts.drawLine(doc, lines[0], 40, 100, { annotate: false });
    expect(boxes.map((b) => b.link)).toEqual(['https://example.org/', '#chapter-two']);
    const run = lines[0].runs.find((r) => r.text === 'the web site')!;
    expect(boxes[0].x).toBeCloseTo(40 + run.x, 6);
    expect(boxes[0].width).toBeCloseTo(run.width, 6);
    expect(boxes[0].y).toBeCloseTo(100 - lines[0].ascent, 6);
    expect(boxes[0].height).toBeCloseTo(lines[0].ascent + lines[0].descent, 6);
    doc.end();
  });

  test.skipIf(!haveQpdf)('annotations only when asked, with the options the composer passes', async () => {
    const { ts, lines } = linked();
    const PDFDocument = (await import('pdfkit')).default;
    const annots = async (opts: Parameters<typeof ts.drawLine>[4]) => {
      const doc = new PDFDocument({ size: 'A5', info: { CreationDate: new Date(0) } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((r) => doc.on('end', r));
      ts.drawLine(doc, lines[0], 40, 100, opts);
      doc.end();
      await done;
      return JSON.stringify(qpdfJson(writeTmp('annots.pdf', Buffer.concat(chunks))));
    };
    expect(await annots({ annotate: false })).not.toContain('/Annot');
    const withLinks = await annots({ linkOptions: (b) => ({ Contents: new String(`to ${b.link}`) }) });
    expect(withLinks).toContain('https://example.org/');
    expect(withLinks).toContain('u:chapter-two');
    expect(withLinks).toContain('to #chapter-two');
  });

  test('a line drawn in parts, or from copied runs, gives the same page', async () => {
    const { ts } = typesetter();
    const lines = articleParagraphs()
      .slice(0, 2)
      .flatMap((p) => ts.setParagraph([{ text: p, style: serif }], { width: 300, lang: 'en', align: 'justify', hyphenate: true }));
    const whole = await renderPdf(ts, [lines], 'whole.pdf');
    const copied: SetLine[] = lines.map((l) => ({ ...l, runs: l.runs.map((r) => ({ ...r })) }));
    const fromCopies = await renderPdf(ts, [copied], 'copies.pdf');
    expect(readFileSync(fromCopies).equals(readFileSync(whole))).toBe(true);
  });

  test('the content stream: glyph codes in TJ arrays, expansion with Tz, no standard font', async () => {
    const { ts } = typesetter();
    const lines = ts.setParagraph([{ text: articleParagraphs()[0], style: serif }], { width: 300, lang: 'en', align: 'justify', hyphenate: true });
    const content = textContentStream(await renderPdf(ts, [lines], 'stream.pdf'));
    expect(content).toMatch(/\[<[0-9a-f]+>( -?[\d.]+ <[0-9a-f]+>)*.*\] TJ/);
    expect(content).toMatch(/ Tz/);
    expect(content).not.toMatch(/\/Helvetica|\/Times|\/Courier/);
    expect(content.match(/BT/g)!.length).toBe(lines.length);
  });
});
