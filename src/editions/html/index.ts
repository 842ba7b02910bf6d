// The web edition: one self-contained HTML5 page. Everything it shows is inside
// it — stylesheet inlined, images as data: URIs, system fonts — and a
// Content-Security-Policy forbids any fetch at all, so the page works offline,
// from a mail attachment or a USB stick, and cannot phone home. No scripts.
//
// Layout: title block (<header>), contents (<nav aria-label="Contents">, the same
// tree as the book's contents, linking to the heading slugs), one <section> per
// chapter with its notes at its end (DPUB-ARIA footnotes with back links), and a
// colophon (<footer>).

import type { Book, Note, Resource, TocEntry } from '../../model/document.js';
import { displayIdentifier } from '../common/identifier.js';
import { labelsFor, type Labels } from '../common/labels.js';
import { formatAuthors, formatDate } from '../common/names-and-dates.js';
import { isRightToLeft } from '../common/writing-direction.js';
import type { RenderContext } from '../edition.js';
import { BlockHtml } from './block-html.js';
import { escapeAttr, escapeText } from './escape.js';
import { PageIds } from './ids.js';
import { InlineHtml } from './inline-html.js';
import { STYLESHEET } from './style.js';

/** Nothing may be fetched; images are data: URIs, the stylesheet is inline. */
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** ` lang="en"` on an element holding a label in another language than the page (an English fallback). */
function langAttr(lang: string | undefined): string {
  return lang ? ` lang="${escapeAttr(lang)}"` : '';
}

function timeElement(date: string, lang: string): string {
  const shown = escapeText(formatDate(date, lang));
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `<time datetime="${date}">${shown}</time>` : shown;
}

function head(book: Book, ctx: RenderContext): string[] {
  const { meta } = book;
  const out = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${escapeText(meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title)}</title>`,
  ];
  if (meta.authors.length > 0) out.push(`<meta name="author" content="${escapeAttr(meta.authors.join(', '))}">`);
  if (meta.description) out.push(`<meta name="description" content="${escapeAttr(meta.description.trim())}">`);
  if (meta.keywords.length > 0) out.push(`<meta name="keywords" content="${escapeAttr(meta.keywords.join(', '))}">`);
  out.push(`<meta name="generator" content="${escapeAttr(ctx.generator)}">`);
  out.push('<meta name="color-scheme" content="light dark">');
  // Without this a browser serving the page asks the server for /favicon.ico.
  out.push('<link rel="icon" href="data:,">');
  out.push(`<style>${STYLESHEET}</style>`);
  return out;
}

function titleBlock(book: Book, inline: InlineHtml, labels: Labels): string[] {
  const { meta } = book;
  const out = ['<header class="titlepage">'];
  const cover = meta.cover ? book.resources.find((r) => r.id === meta.cover) : undefined;
  if (cover) {
    const alt = escapeAttr(labels.coverAlt(meta.title, ''));
    out.push(`<img class="cover" src="${inline.dataUri(cover)}" alt="${alt}" width="${cover.width}" height="${cover.height}">`);
  }
  out.push(`<h1>${escapeText(meta.title)}</h1>`);
  if (meta.subtitle) out.push(`<p class="subtitle">${escapeText(meta.subtitle)}</p>`);
  if (meta.authors.length > 0) out.push(`<p class="authors">${escapeText(formatAuthors(meta.authors.map((a) => a.trim()).filter(Boolean), meta.lang))}</p>`);
  if (meta.date) out.push(`<p class="date">${timeElement(meta.date, meta.lang)}</p>`);
  out.push('</header>');
  return out;
}

function contents(book: Book, labels: Labels): string[] {
  if (book.toc.length === 0) return [];
  const out = [`<nav class="toc" aria-label="${escapeAttr(labels.contents)}"${langAttr(labels.foreignLang('contents'))}>`];
  out.push(`<h2>${escapeText(labels.contents)}</h2>`);
  const walk = (entries: readonly TocEntry[]) => {
    out.push('<ol>');
    for (const entry of entries) {
      // Entry text without links or note references: a link inside a link is invalid.
      const text = escapeText(entry.text);
      out.push(`<li><a href="#${escapeAttr(entry.slug)}">${text}</a>`);
      if (entry.children.length > 0) walk(entry.children);
      out.push('</li>');
    }
    out.push('</ol>');
  };
  walk(book.toc);
  out.push('</nav>');
  return out;
}

function notesSection(notes: readonly Note[], blocks: BlockHtml, ids: PageIds, labels: Labels): string[] {
  if (notes.length === 0) return [];
  const out = [`<section class="notes" role="doc-endnotes" aria-label="${escapeAttr(labels.notes)}"${langAttr(labels.foreignLang('notes'))}>`];
  for (const note of notes) {
    const refs = ids.noteRefs.get(note.number) ?? [note.refId];
    out.push(`<aside class="footnote" id="${escapeAttr(note.id)}" role="doc-footnote">`);
    out.push(
      `<a class="note-number" href="#${escapeAttr(refs[0])}" role="doc-backlink" aria-label="${escapeAttr(labels.backToText(note.number))}">${note.number}.</a>`,
    );
    out.push('<div class="note-body">');
    blocks.blocks(note.children, out);
    if (refs.length > 1) {
      const more = refs
        .slice(1)
        .map((id, i) => `<a href="#${escapeAttr(id)}" role="doc-backlink" aria-label="${escapeAttr(labels.backToText(note.number))} (${i + 2})">↩\uFE0E${i + 2}</a>`);
      out.push(`<p class="backlinks">${more.join(' ')}</p>`);
    }
    out.push('</div>', '</aside>');
  }
  out.push('</section>');
  return out;
}

function colophon(book: Book, ctx: RenderContext, labels: Labels): string[] {
  const { meta } = book;
  const out = [`<footer class="colophon">`];
  if (meta.rights) out.push(`<p class="rights">${escapeText(meta.rights)}</p>`);
  if (meta.publisher) out.push(`<p class="publisher">${escapeText(labels.publisher)}: ${escapeText(meta.publisher)}</p>`);
  out.push(`<p class="identifier">${escapeText(labels.identifier)}: ${escapeText(displayIdentifier(meta.identifier))}</p>`);
  if (meta.date) out.push(`<p class="published">${escapeText(labels.published)}: ${timeElement(meta.date, meta.lang)}</p>`);
  out.push(`<p class="generator"${langAttr(labels.foreignLang('producedWith'))}>${escapeText(labels.producedWith(ctx.generator))}</p>`);
  out.push('</footer>');
  return out;
}

export function renderHtml(book: Book, ctx: RenderContext): string {
  const { meta } = book;
  const labels = labelsFor(meta.lang);
  const resources = new Map<string, Resource>(book.resources.map((r) => [r.id, r]));
  const ids = new PageIds(book);
  const inline = new InlineHtml(resources, ids);
  const blocks = new BlockHtml(inline, labels);
  const notesByNumber = new Map<number, Note>(book.notes.map((n) => [n.number, n]));
  const written = new Set<number>();

  const body: string[] = [...titleBlock(book, inline, labels), ...contents(book, labels), '<main>'];
  for (const chapter of book.chapters) {
    const labelled = chapter.heading ? ` aria-labelledby="${escapeAttr(chapter.heading.slug)}"` : '';
    body.push(`<section class="chapter"${labelled}>`);
    blocks.blocks(chapter.blocks, body);
    const notes: Note[] = [];
    for (const n of chapter.notes) {
      const note = notesByNumber.get(n);
      if (note && !written.has(n)) {
        written.add(n);
        notes.push(note);
      }
    }
    body.push(...notesSection(notes, blocks, ids, labels));
    body.push('</section>');
  }
  // Notes no chapter claims still belong in the edition.
  const orphans = book.notes.filter((n) => !written.has(n.number));
  if (orphans.length > 0) body.push('<section class="chapter">', ...notesSection(orphans, blocks, ids, labels), '</section>');
  body.push('</main>', ...colophon(book, ctx, labels));

  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttr(meta.lang)}" dir="${isRightToLeft(meta.lang) ? 'rtl' : 'ltr'}">`,
    '<head>',
    ...head(book, ctx),
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
