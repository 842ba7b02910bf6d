// Micro-benchmarks of the typesetting core on the novel-sized corpus (167,000 words,
// see corpus.ts), run with plain node on a compiled copy (no test runner in the way):
//
//   sh tests/pdf-typeset/build-prof.sh
//   node tests/pdf-typeset/.build/bench.mjs set    # setParagraph: cold and warm runs
//   node tests/pdf-typeset/.build/bench.mjs draw   # setParagraph + drawLine + doc.end
//   node tests/pdf-typeset/.build/bench.mjs kp     # the line breaker's passes alone
//   node tests/pdf-typeset/.build/bench.mjs hyph   # hyphenation of the distinct words
//   node tests/pdf-typeset/.build/bench.mjs cjk    # the CJK face: load, first paragraph,
//                                                  # throughput, embedded subset size
//
// CPU time is reported next to wall time: on a shared machine it is the steadier figure.

import PDFDocument from 'pdfkit';
import { Typesetter } from './src/editions/pdf/typeset/index.js';
import { Diagnostics } from './src/diagnostics.js';
import { buildPara } from './src/editions/pdf/typeset/paragraph.js';
import { buildItems, EXPANSION } from './src/editions/pdf/typeset/itemize.js';
import { knuthPlass, TEX_PARAMS } from './src/editions/pdf/typeset/knuth-plass.js';
import { LineWidths } from './src/editions/pdf/typeset/line-widths.js';
import { hyphenatorFor } from './src/editions/pdf/typeset/hyphenation.js';
import { CHINESE, cjkNovelParagraphs, novelParagraphs } from './tests/pdf-typeset/corpus.js';
import { face } from './src/editions/pdf/typeset/faces.js';

const style = { family: 'serif', bold: false, italic: false, size: 10.5 };
const opts = { width: 300, lang: 'en', align: 'justify', hyphenate: true };
const novel = novelParagraphs();
const words = novel.reduce((n, p) => n + p.split(/\s+/).length, 0);

function timed(label, fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = fn();
  const wall = performance.now() - t;
  const cu = process.cpuUsage(c);
  const cpu = (cu.user + cu.system) / 1000;
  console.log(`${label}: wall ${wall.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms`);
  return { r, wall, cpu };
}

const mode = process.argv[2] ?? 'set';
if (mode === 'set') {
  for (const round of ['cold', 'warm', 'warm']) {
    const ts = new Typesetter({ lang: 'en', diagnostics: new Diagnostics() });
    const { wall } = timed(`${round} setParagraph, ${words} words`, () => {
      for (const p of novel) ts.setParagraph([{ text: p, style }], opts);
    });
    console.log(`  = ${Math.round((words / wall) * 1000)} words/s (wall)`, process.env.STATS ? JSON.stringify(ts.stats()) : '');
  }
} else if (mode === 'draw') {
  const ts = new Typesetter({ lang: 'en', diagnostics: new Diagnostics() });
  const { r: lines } = timed('setParagraph', () => novel.flatMap((p) => ts.setParagraph([{ text: p, style }], opts)));
  const doc = new PDFDocument({ size: [396, 612], pdfVersion: '1.7', autoFirstPage: false, info: { CreationDate: new Date(0) } });
  let bytes = 0;
  doc.on('data', (c) => (bytes += c.length));
  const done = new Promise((r) => doc.on('end', r));
  timed(`drawLine, ${lines.length} lines on ${Math.ceil(lines.length / 40)} pages`, () => {
    lines.forEach((line, i) => {
      if (i % 40 === 0) doc.addPage({ size: [396, 612], margin: 0 });
      ts.drawLine(doc, line, 48, 60 + (i % 40) * 13.5);
    });
  });
  const t = performance.now();
  doc.end();
  await done;
  console.log(`doc.end: ${(performance.now() - t).toFixed(0)} ms, ${bytes} bytes`);
} else if (mode === 'kp') {
  const widths = new LineWidths(300);
  const all = novel.map((p) => {
    const para = buildPara([{ text: p, style }], { lang: 'en' }, () => {});
    return buildItems(para, { justify: true, expansion: EXPANSION, hyphenator: hyphenatorFor('en'), minWidth: 300 });
  });
  for (const [name, p] of [
    ['tolerance 1, no hyphens', { tolerance: 1, hyphenate: false, emergency: false }],
    ['tolerance 1', { tolerance: 1, hyphenate: true, emergency: false }],
    ['tolerance 2', { tolerance: 2, hyphenate: true, emergency: false }],
    ['emergency', { tolerance: 2, hyphenate: true, emergency: true }],
  ]) {
    let ok = 0;
    timed(`${name}`, () => {
      for (const it of all) if (knuthPlass(it, widths, { ...TEX_PARAMS, lineStretch: 0, ...p })) ok++;
    });
    console.log(`  feasible for ${ok} of ${all.length} paragraphs`);
  }
} else if (mode === 'cjk') {
  // A fresh process: nothing of the CJK face is parsed yet.
  timed('open the CJK face (read 15 MB, parse the directory, cmap, space and hyphen glyphs)', () => face('cjk-regular'));
  const ts = new Typesetter({ lang: 'zh', diagnostics: new Diagnostics() });
  const zh = { ...opts, lang: 'zh' };
  timed(`first Chinese paragraph (${CHINESE[0].length} characters)`, () => ts.setParagraph([{ text: CHINESE[0], style }], zh));
  timed(`second paragraph (${CHINESE[1].length} characters)`, () => ts.setParagraph([{ text: CHINESE[1], style }], zh));
  const big = cjkNovelParagraphs();
  const chars = big.reduce((n, p) => n + p.length, 0);
  const distinct = new Set(big.join('')).size;
  for (const round of ['cold', 'warm']) {
    const { wall } = timed(`${round} setParagraph, ${chars} characters (${distinct} distinct)`, () => {
      for (const p of big) ts.setParagraph([{ text: p, style }], zh);
    });
    console.log(`  = ${Math.round((chars / wall) * 1000)} characters/s (wall)`);
  }
  // Embedded size: one page of Latin, with and without a 200-character Chinese paragraph.
  const pdfBytes = async (withCjk) => {
    const t2 = new Typesetter({ lang: 'en', diagnostics: new Diagnostics() });
    const lines = t2.setParagraph([{ text: novel[0], style }], opts);
    const text200 = (CHINESE[0] + CHINESE[1]).slice(0, 200);
    if (withCjk) lines.push(...t2.setParagraph([{ text: text200, style }], zh));
    const doc = new PDFDocument({ size: [396, 612], pdfVersion: '1.7', autoFirstPage: false, info: { CreationDate: new Date(0) } });
    let bytes = 0;
    doc.on('data', (c) => (bytes += c.length));
    const done = new Promise((r) => doc.on('end', r));
    doc.addPage({ size: [396, 612], margin: 0 });
    lines.forEach((line, i) => t2.drawLine(doc, line, 48, 60 + i * 13.5));
    const t = performance.now();
    doc.end();
    await done;
    return { bytes, end: performance.now() - t, distinct: new Set(text200).size };
  };
  const latin = await pdfBytes(false);
  const mixed = await pdfBytes(true);
  console.log(`PDF: Latin page ${latin.bytes} bytes (doc.end ${latin.end.toFixed(0)} ms); with a 200-character Chinese paragraph (${mixed.distinct} distinct characters) ${mixed.bytes} bytes (doc.end ${mixed.end.toFixed(0)} ms): +${mixed.bytes - latin.bytes} bytes`);
} else if (mode === 'hyph') {
  const distinct = [...new Set(novel.join(' ').split(/\s+/))];
  for (const round of [0, 1, 2]) {
    const h = hyphenatorFor(`en-x-${round}`); // a fresh cache each round
    const { cpu } = timed(`hyphenate ${distinct.length} distinct words`, () => distinct.forEach((w) => h.points(w)));
    console.log(`  = ${((cpu * 1000) / distinct.length).toFixed(1)} µs a word`);
  }
}
