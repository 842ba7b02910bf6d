// One chapter → one XHTML file: the chapter's blocks in a `section` with the
// chapter role, then the notes it cites first, each an `aside` whose back link
// comes first (Kindle only pops up notes that start with the link back).

import type { Chapter } from '../../model/document.js';
import type { BookIndex } from './book-index.js';
import { BlockWriter } from './blocks.js';
import { xhtmlDocument } from './xhtml.js';
import { attrs } from './xml.js';

export function chapterPage(ix: BookIndex, chapter: Chapter, seenNoteRefs: Set<number>): string {
  const file = ix.chapterFiles[chapter.index];
  ix.sequence.push(file);
  const body = new BlockWriter(ix, file, 'body', seenNoteRefs).blocks(chapter.blocks);
  const notes = chapterNotes(ix, chapter, file, seenNoteRefs);
  const heading = chapter.heading;
  const section = heading
    ? `<section epub:type="chapter" role="doc-chapter"${attrs({ 'aria-labelledby': heading.slug })}>\n`
    : '<section>\n';
  return xhtmlDocument({
    lang: ix.book.meta.lang,
    title: chapter.title,
    bodyType: 'bodymatter',
    body: `${section}${body}${notes}</section>\n`,
  });
}

function chapterNotes(ix: BookIndex, chapter: Chapter, file: string, seenNoteRefs: Set<number>): string {
  if (!chapter.notes.length) return '';
  const l = ix.labels;
  let out = '<div class="footnotes">\n';
  for (const n of chapter.notes) {
    const note = ix.book.notes[n - 1];
    if (!note) continue;
    const back = `<a role="doc-backlink"${attrs({ href: `#${note.refId}`, 'aria-label': l.backToText(n) })}>${n}.</a> `;
    const writer = new BlockWriter(ix, file, 'note', seenNoteRefs);
    const [first, ...rest] = note.children;
    let inner: string;
    if (first && first.type === 'paragraph') {
      const para = writer.block(first, true);
      inner = `<p>${back}${para}</p>\n${writer.blocks(rest)}`;
    } else {
      inner = `<p>${back}</p>\n${writer.blocks(note.children)}`;
    }
    out += `<aside epub:type="footnote" role="doc-footnote"${attrs({ id: note.id })}>\n${inner}</aside>\n`;
  }
  return `${out}</div>\n`;
}
