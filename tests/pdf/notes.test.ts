// Footnotes beyond the simple case: notes of several paragraphs, a note cited
// only from inside another note, and every link to a note landing somewhere.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Book, HeadingBlock, Inline } from '../../src/model/document.js';
import { renderPdfDetailed, type PdfRendering } from '../../src/editions/pdf/index.js';
import { pdfPages, qpdfCheck, qpdfJson, requireTool, writeTmp } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { annotations, canonical, context, destinationNames, objects, structTags, type QpdfObjects } from './helpers.js';

const tools = ['qpdf', 'pdftotext'].every((t) => requireTool(t));
const t = (value: string): Inline => ({ type: 'text', value });
const pos = { file: 'notes.md', line: 1 };

function notesBook(): Book {
  const base = sampleBook();
  const para = (id: string, content: Inline[]): Block => ({ type: 'paragraph', id, pos, content });
  const heading: HeadingBlock = { type: 'heading', id: 'b1', pos, level: 1, depth: 1, slug: 'notes', content: [t('Notes')], text: 'Notes' };
  return {
    ...base,
    chapters: [{
      index: 0, id: 'ch01', heading, title: 'Notes', notes: [1, 3],
      blocks: [
        heading,
        para('b2', [t('A claim'), { type: 'noteref', number: 1 }, t(' and another'), { type: 'noteref', number: 3 }, t('.')]),
      ],
    }],
    toc: [{ slug: 'notes', blockId: 'b1', text: 'Notes', content: [t('Notes')], depth: 1, chapter: 0, children: [] }],
    notes: [
      { number: 1, id: 'fn-1', refId: 'fnref-1', chapter: 0, pos, children: [
        para('b3', [t('First paragraph of the first note, which cites a note of its own'), { type: 'noteref', number: 2 }, t('.')]),
        para('b4', [t('Second paragraph of the first note.')]),
      ] },
      { number: 2, id: 'fn-2', refId: 'fnref-2', chapter: 0, pos, children: [para('b5', [t('The note about the note.')])] },
      { number: 3, id: 'fn-3', refId: 'fnref-3', chapter: 0, pos, children: [para('b6', [t('The third note.')])] },
    ],
    links: [],
  };
}

describe.runIf(tools)('PDF edition — footnotes', () => {
  let out: PdfRendering;
  let file: string;
  let objs: QpdfObjects;

  beforeAll(async () => {
    out = await renderPdfDetailed(notesBook(), context());
    file = writeTmp('notes.pdf', out.pdf.bytes);
    objs = objects(qpdfJson(file));
  });

  it('sets all paragraphs of a note, and a note cited from a note right after it, on the citing page', () => {
    expect(qpdfCheck(file).ok).toBe(true);
    const page = canonical(pdfPages(file)[3]);
    const order = ['A claim1 and another3.', '1 First paragraph of the first note', 'Second paragraph of the first note.', '2 The note about the note.', '3 The third note.'];
    let at = 0;
    for (const s of order) {
      const k = page.indexOf(s, at);
      expect(k, s).toBeGreaterThanOrEqual(0);
      at = k;
    }
    // The second paragraph sits apart from the first (paragraph space inside the note).
    const note = out.composed.pages[2].notes.find((n) => n.note === 1)!;
    expect(note.boxes.length).toBeGreaterThanOrEqual(3);
  });

  it('tags the nested note inside the note citing it', () => {
    const tags = structTags(objs);
    const first = tags.indexOf('Note');
    expect(tags.slice(first, first + 7)).toEqual(['Note', 'Lbl', 'P', 'Link', 'P', 'Note', 'Lbl']);
  });

  it('resolves every internal link to a named destination', () => {
    const names = new Set(destinationNames(objs));
    const gotos = annotations(objs).filter((a) => a.dest !== undefined);
    expect(gotos.length).toBeGreaterThanOrEqual(4);
    for (const a of gotos) expect(names.has(a.dest!), a.dest).toBe(true);
  });
});
