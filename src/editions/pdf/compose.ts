// Composition of the whole book into pages, before any PDF is written:
//
//   1. the body, chapter by chapter, each opening on a new page (a recto when the
//      book is bound) unless the book has only sections, paginated with its
//      footnotes;
//   2. the contents, now that every heading's folio is known — body folios start
//      at 1 whatever the length of the front matter, so they never change when
//      the contents grow a page;
//   3. the front matter (title page, contents) in front, numbered in roman.

import type { Book } from '../../model/document.js';
import { labelsFor } from '../common/labels.js';
import type { LayoutEnv } from './blocks.js';
import { layoutBlocks } from './blocks.js';
import { box, structNode, type FlowBox, type StructNode } from './flow.js';
import { composeNotes } from './notes.js';
import { paginate, type BodyPage } from './paginate.js';
import { layoutContents } from './contents.js';
import { layoutTitlePage } from './front-matter.js';
import { romanNumeral } from './folio.js';
import type { ComposedBook, ComposedPage } from './pages.js';

export interface Composition {
  composed: ComposedBook;
  documentNode: StructNode;
  noteRoots: Map<number, StructNode>;
}

export function composeBook(env: LayoutEnv, book: Book): Composition {
  const { styles, geometry: g } = env;
  const documentNode = structNode('Document', null);
  const binding = g.binding;

  // 1. Body. A book whose top headings are `#` has chapters, each opening a new
  // page; an article whose top headings are `##` or lower has sections, which run
  // on as they do in a journal, the first one opening the body.
  const sectionsRunOn = book.chapters.every((c) => c.heading === undefined || c.heading.level > 1);
  // Run-on sections get section headings (space above, little below), not the
  // display headings that open a chapter page.
  const bodyEnv: LayoutEnv = sectionsRunOn
    ? { ...env, styles: { ...styles, headings: [styles.headings[0], ...styles.headings.slice(2), styles.headings[styles.headings.length - 1]] } }
    : env;
  const boxes: FlowBox[] = [];
  for (const chapter of book.chapters) {
    env.progress?.(`setting chapter ${chapter.index + 1} of ${book.chapters.length}`);
    const sect = structNode('Sect', documentNode);
    const chapterBoxes = layoutBlocks(bodyEnv, chapter.blocks, {
      x: 0,
      width: g.textWidth,
      size: styles.size,
      leading: styles.leading,
      parent: sect,
      chapter: chapter.index,
      indentParagraphs: true,
      paraSpace: 0,
      listDepth: 0,
    });
    if (chapterBoxes.length === 0) continue;
    if (sectionsRunOn && boxes.length > 0) {
      // Each chapter is laid out on its own, so the space above its heading is set here.
      const depth = chapter.heading ? Math.min(Math.max(chapter.heading.depth, 1), 6) : 1;
      chapterBoxes[0].spaceBefore = Math.max(chapterBoxes[0].spaceBefore, bodyEnv.styles.headings[depth].before);
      boxes.push(...chapterBoxes);
      continue;
    }
    const opensWithHeading = chapterBoxes[0].kind === 'heading' && chapter.heading !== undefined;
    if (opensWithHeading) {
      chapterBoxes[0].spaceBefore = 0;
      chapterBoxes.unshift(box('space', styles.chapterSink, [], chapter.index, { breakAfter: false }));
    }
    chapterBoxes[0].forceBreak = binding ? 'recto' : 'page';
    boxes.push(...chapterBoxes);
  }
  const bodyCited = new Set(boxes.flatMap((b) => b.noteRefs));
  const notes = composeNotes(env, book.notes, bodyCited);
  for (const b of boxes) {
    if (b.height > g.textHeight + 0.5) {
      const what = b.kind === 'row' ? 'a table row' : b.kind === 'figure' ? 'a figure' : 'a line';
      env.diagnostics.warn(`${what} is taller than the PDF's text block and runs past the foot of its page`);
    }
  }
  const noteBoxes = new Map([...notes].map(([n, c]) => [n, c.boxes]));
  const spacing = {
    separator: styles.note.ruleGap * 2,
    gap: styles.note.gap,
    ruleAbove: styles.note.ruleGap,
    maxShare: 0.5,
  };
  const bodyPages = boxes.length === 0 ? [] : paginate({ boxes, notes: noteBoxes, height: g.textHeight, spacing, isRecto: (n) => n % 2 === 1 });

  const headings = new Map<string, { bodyPage: number; y: number }>();
  bodyPages.forEach((page, k) => {
    for (const placed of page.boxes) {
      const h = placed.box.heading;
      if (h && !placed.repeated && !headings.has(h.slug)) headings.set(h.slug, { bodyPage: k + 1, y: placed.y });
    }
  });

  // 2. Contents.
  let contentsPages: BodyPage[] = [];
  if (book.toc.length > 0) {
    const tocBoxes = layoutContents(env, book.toc, (entry) => {
      const where = headings.get(entry.slug);
      return where ? String(where.bodyPage) : '';
    }, documentNode);
    contentsPages = paginate({ boxes: tocBoxes, notes: new Map(), height: g.textHeight, spacing, isRecto: () => true });
  }

  // 3. Front matter and page numbers.
  const pages: ComposedPage[] = [];
  const blank = (): ComposedPage => ({ kind: 'blank', label: '', boxes: [], notes: [], folio: false, chapterOpening: false, chapter: -1 });
  pages.push({ kind: 'title', label: '', boxes: layoutTitlePage(env, book.meta, documentNode), notes: [], folio: false, chapterOpening: false, chapter: -1 });
  if (binding && contentsPages.length > 0) pages.push(blank());
  contentsPages.forEach((p, k) => {
    pages.push({
      kind: 'contents', label: '', boxes: p.boxes, notes: [], folio: true, chapterOpening: k === 0, chapter: -1,
      runningHead: k === 0 ? undefined : labelsFor(env.lang).contents,
    });
  });
  if (binding && pages.length % 2 === 1) pages.push(blank());
  const frontPages = pages.length;
  pages.forEach((p, k) => (p.label = romanNumeral(k + 1)));

  let chapter = -1;
  bodyPages.forEach((bp, k) => {
    const folio = k + 1;
    const first = bp.boxes.find((p) => !p.repeated);
    const opening = first?.box.forceBreak !== undefined;
    if (first) chapter = first.box.chapter;
    const page: ComposedPage = {
      kind: bp.blank ? 'blank' : 'body',
      label: String(folio),
      boxes: bp.boxes,
      notes: bp.notes,
      noteRuleY: bp.noteRuleY,
      // Book convention, as the issue asks: no running head and no folio on a
      // chapter's first page (its page label still carries the number).
      folio: !bp.blank && !opening,
      chapterOpening: opening,
      chapter,
    };
    if (!bp.blank && !opening) {
      page.runningHead = folio % 2 === 0 ? book.meta.title : book.chapters[chapter]?.title ?? book.meta.title;
    }
    pages.push(page);
  });

  const placedHeadings = new Map<string, { page: number; y: number; label: string }>();
  for (const [slug, where] of headings) {
    placedHeadings.set(slug, { page: frontPages + where.bodyPage, y: where.y, label: String(where.bodyPage) });
  }
  return {
    composed: { pages, frontPages, headings: placedHeadings },
    documentNode,
    noteRoots: new Map([...notes].map(([n, c]) => [n, c.root])),
  };
}
