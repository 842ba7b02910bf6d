// A long, deterministic book for pagination tests: many paragraphs of varied
// length, sections, long footnotes (some cited twice, on different pages), a
// table longer than a page, and a code block longer than a page.

import type { Block, Book, HeadingBlock, Inline, Note, TocEntry } from '../../src/model/document.js';
import { sampleBook } from '../support/sample-book.js';

const WORDS = (
  'the quick brown fox jumps over lazy dogs while typesetters argue about widows orphans ' +
  'hyphenation justification leading measure kerning ligatures margins folios running heads ' +
  'chapters sections footnotes tables figures quotations lists paragraphs pages spreads ' +
  'recto verso gutter spine binding signatures proofs compositors printers publishers authors ' +
  'readers libraries archives manuscripts editions imprints colophons frontispieces'
).split(' ');

/** Linear congruential generator: the same "random" text every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface LongBookOptions {
  chapters?: number;
  paragraphsPerChapter?: number;
  binding?: boolean;
  title?: string;
  seed?: number;
}

export function longBook(opts: LongBookOptions = {}): Book {
  const rand = lcg(opts.seed ?? 7);
  const base = sampleBook();
  let id = 0;
  const nextId = () => `b${++id}`;
  const pos = (line: number) => ({ file: 'long.md', line });
  const sentence = (n: number) => {
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}.`;
  };
  const paragraphText = () => {
    const sentences = 1 + Math.floor(rand() * 7);
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(sentence(6 + Math.floor(rand() * 14)));
    return out.join(' ');
  };

  const notes: Note[] = [];
  const chapters: Book['chapters'] = [];
  const toc: TocEntry[] = [];
  const chapterCount = opts.chapters ?? 3;
  const perChapter = opts.paragraphsPerChapter ?? 40;
  for (let c = 0; c < chapterCount; c++) {
    const title = `Chapter ${c + 1}: ${sentence(3).replace('.', '')}`;
    const h1: HeadingBlock = { type: 'heading', id: nextId(), pos: pos(c * 100), level: 1, depth: 1, slug: `chapter-${c + 1}`, content: [{ type: 'text', value: title }], text: title };
    const blocks: Block[] = [h1];
    const entry: TocEntry = { slug: h1.slug, blockId: h1.id, text: title, content: [...h1.content], depth: 1, chapter: c, children: [] };
    const chapterNotes: number[] = [];
    for (let p = 0; p < perChapter; p++) {
      if (p > 0 && p % 9 === 0) {
        const text = `Section ${c + 1}.${p / 9}`;
        const h2: HeadingBlock = { type: 'heading', id: nextId(), pos: pos(c * 100 + p), level: 2, depth: 2, slug: `section-${c + 1}-${p / 9}`, content: [{ type: 'text', value: text }], text };
        blocks.push(h2);
        entry.children.push({ slug: h2.slug, blockId: h2.id, text, content: [...h2.content], depth: 2, chapter: c, children: [] });
      }
      const content: Inline[] = [{ type: 'text', value: paragraphText() }];
      if (p % 5 === 2) {
        const number = notes.length + 1;
        const long = p % 10 === 7;
        const noteText = long ? Array.from({ length: 14 }, () => sentence(14)).join(' ') : sentence(10);
        notes.push({
          number, id: `fn-${number}`, refId: `fnref-${number}`, chapter: c, pos: pos(900 + number),
          children: [{ type: 'paragraph', id: nextId(), pos: pos(900 + number), content: [{ type: 'text', value: `Note ${number} says: ${noteText}` }] }],
        });
        chapterNotes.push(number);
        content.push({ type: 'noteref', number }, { type: 'text', value: ` ${sentence(8)}` });
      }
      // Cite the chapter's first note again much later (another page).
      if (p === perChapter - 1 && chapterNotes.length > 0) content.push({ type: 'text', value: ' Again' }, { type: 'noteref', number: chapterNotes[0] });
      blocks.push({ type: 'paragraph', id: nextId(), pos: pos(c * 100 + p), content });
      if (c === 1 && p === 12) {
        blocks.push({
          type: 'table', id: nextId(), pos: pos(c * 100 + p), align: ['left', 'right', 'center'],
          head: [[{ type: 'text', value: 'Item' }], [{ type: 'text', value: 'Quantity' }], [{ type: 'text', value: 'Remark' }]],
          rows: Array.from({ length: 70 }, (_, r) => [
            [{ type: 'text', value: `Row ${r + 1}` }],
            [{ type: 'text', value: String((r * 37) % 1000) }],
            [{ type: 'text', value: sentence(1 + (r % 4)) }],
          ]),
        });
      }
      if (c === 2 && p === 5) {
        const code = Array.from({ length: 90 }, (_, k) => `line ${String(k + 1).padStart(3, '0')}: value = compute(${k}) + offset; // ${sentence(4)}`).join('\n');
        blocks.push({ type: 'code', id: nextId(), pos: pos(c * 100 + p), lang: 'js', value: code });
      }
    }
    chapters.push({ index: c, id: `ch0${c + 1}`, heading: h1, title, blocks, notes: chapterNotes });
    toc.push(entry);
  }
  return {
    ...base,
    meta: {
      ...base.meta,
      title: opts.title ?? 'A Long & <Testing> Book',
      tocDepth: 2,
      pdf: { size: { name: 'A5', width: 419.53, height: 595.28 }, binding: opts.binding ?? false },
    },
    chapters,
    toc,
    notes,
    links: [],
  };
}
