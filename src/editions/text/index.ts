// The plain-text edition: UTF-8, LF line ends, hard-wrapped at `ctx.width`
// columns (72 by default, pandoc's and Project Gutenberg's measure), no trailing
// spaces, exactly one newline at the end.
//
// Layout: centred title block, contents, then the chapters flush left, three
// blank lines apart. Each chapter ends with its notes and its link references,
// after a short rule, so the reader finds them next to the text that cites them:
//
//   ----------
//   [1] The note, with following lines hanging
//       under its text.
//
//   <1> https://example.org/
//
// Notes are the ones the model says the chapter cites first; a link is listed
// after the first chapter that cites it (note bodies included). A line may exceed
// the width only when it holds one unbreakable word (a long URL) or is a code line.

import type { Book, Note } from '../../model/document.js';
import type { RenderContext } from '../edition.js';
import { BlockLayout, hang } from './block-layout.js';
import { displayWidth } from './display-width.js';
import { contents, titleBlock } from './front-matter.js';
import { GLUE, InlineWriter } from './inline-text.js';

export const DEFAULT_WIDTH = 72;

/** The rule that opens a chapter's notes and link references. */
const NOTES_RULE = '-'.repeat(10);

/** Appends `section` after `gap` blank lines (none at the very start). */
function append(out: string[], section: readonly string[], gap = 1): void {
  if (section.length === 0) return;
  if (out.length > 0) for (let i = 0; i < gap; i++) out.push('');
  for (const line of section) out.push(line);
}

function labelled(labels: readonly string[], bodies: readonly string[][], separated: boolean): string[] {
  let labelWidth = 0;
  for (const label of labels) labelWidth = Math.max(labelWidth, displayWidth(label));
  const out: string[] = [];
  labels.forEach((label, i) => {
    if (i > 0 && separated) out.push('');
    const first = label + ' '.repeat(labelWidth - displayWidth(label) + 1);
    for (const line of hang(bodies[i], first, ' '.repeat(labelWidth + 1))) out.push(line);
  });
  return out;
}

export function renderText(book: Book, ctx: RenderContext): string {
  const width = Number.isFinite(ctx.width) && ctx.width >= 20 ? Math.floor(ctx.width) : DEFAULT_WIDTH;
  const inline = new InlineWriter(book);
  const layout = new BlockLayout(inline);
  const out: string[] = [];

  append(out, titleBlock(book.meta, width));
  append(out, contents(book, width), 3);

  const listedLinks = new Set<number>();
  const listedNotes = new Set<number>();
  const notesByNumber = new Map<number, Note>();
  for (const note of book.notes) notesByNumber.set(note.number, note);

  const endMatter = (notes: readonly Note[]): string[] => {
    const labels = notes.map((note) => `[${note.number}]`);
    // Every note hangs at the widest label's indent, so lay every body out at that width.
    const indent = Math.max(0, ...labels.map(displayWidth)) + 1;
    const bodies = notes.map((note) => {
      listedNotes.add(note.number);
      return layout.blocks(note.children, width - indent);
    });
    const noteLines = labelled(labels, bodies, true);

    const links: number[] = [];
    for (const n of inline.takeCitedLinks()) {
      if (listedLinks.has(n)) continue;
      listedLinks.add(n);
      links.push(n);
    }
    links.sort((a, b) => a - b);
    const linkLines = labelled(
      links.map((n) => `<${n}>`),
      links.map((n) => [inline.href(n) ?? '']),
      false,
    );
    const lines: string[] = [];
    append(lines, noteLines);
    append(lines, linkLines);
    return lines.length > 0 ? [NOTES_RULE, ...lines] : [];
  };

  book.chapters.forEach((chapter, index) => {
    const body = layout.blocks(chapter.blocks, width);
    const opensWithChapterHeading = chapter.blocks[0]?.type === 'heading' && chapter.blocks[0].depth === 1;
    append(out, body, index === 0 ? 3 : opensWithChapterHeading ? 3 : 2);
    const notes = chapter.notes.map((n) => notesByNumber.get(n)).filter((n): n is Note => n !== undefined);
    append(out, endMatter(notes), 2);
  });

  // Notes the model did not assign to a chapter still belong in the edition.
  const orphans = book.notes.filter((n) => !listedNotes.has(n.number));
  append(out, endMatter(orphans), 2);

  return finish(out);
}

/** One string: trailing whitespace trimmed, glue turned to spaces, one final newline. */
function finish(lines: string[]): string {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  lines.length = end;
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    // Only a line ending in a space, or in a non-ASCII character that might be one
    // (no-break or ideographic space), needs the full trim.
    const last = line.charCodeAt(line.length - 1);
    if (last === 32 || last === 9 || last > 127) lines[i] = line.trimEnd();
  }
  const text = `${lines.join('\n')}\n`;
  return text.includes(GLUE) ? text.replaceAll(GLUE, ' ') : text;
}
