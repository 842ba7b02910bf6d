// A first look over every parsed file, before anything is converted: the top
// heading level of the book, each heading's slug (so links may point forward),
// and each file's link and footnote definitions.

import type { Definition, FootnoteDefinition, Heading, Nodes, Root } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import type { ParsedFile } from './parsed-file.js';
import { Slugger } from './slugs.js';

/** Fragment ids the editions use themselves; a heading never takes one. None starts with `section-`. */
const RESERVED_WORDS = new Set([
  'toc', 'toc-heading', 'title', 'subtitle', 'landmarks', 'landmarks-heading', 'page-list', 'page-list-heading',
  'colophon', 'colophon-heading', 'print-source', 'pub-id', 'cover', 'titlepage', 'nav', 'ncx', 'css', 'series',
]);
const RESERVED_PATTERN = /^(?:(?:fn|fnref)-\d+(?:-\d+)?|b\d+|ch\d+|page-.*|img-[0-9a-f]{10})$/;
const MAX_SLUG_LENGTH = 80;

export interface Survey {
  /** The top heading level present (1 for `#`, 2 when the book starts at `##`, …). */
  topLevel: number;
  /** The book-wide unique slug of every heading. */
  slugOf: Map<Heading, string>;
  /** Per file: slug as GitHub would make it in that file → the heading's book slug. */
  authorSlugs: Map<number, Map<string, string>>;
  /** Per file: slug of its first heading. */
  firstSlug: Map<number, string>;
  bookSlugs: Set<string>;
  /** Plain text of the book's first heading. */
  firstHeadingText?: string;
  definitions: Map<number, Map<string, Definition>>;
  footnotes: Map<number, Map<string, FootnoteDefinition>>;
  /** Whether any raw HTML other than comments occurs (the HTML parser is loaded only then). */
  hasRawHtml: boolean;
}

export function surveyBook(files: readonly ParsedFile[], diagnostics: Diagnostics): Survey {
  const headings: Array<{ node: Heading; file: number; rootLevel: boolean }> = [];
  const definitions = new Map<number, Map<string, Definition>>();
  const footnotes = new Map<number, Map<string, FootnoteDefinition>>();
  let hasRawHtml = false;

  for (const f of files) {
    const defs = new Map<string, Definition>();
    const notes = new Map<string, FootnoteDefinition>();
    definitions.set(f.index, defs);
    footnotes.set(f.index, notes);
    const stack: Array<{ node: Nodes; parent: Nodes | undefined }> = [{ node: f.tree, parent: undefined }];
    while (stack.length > 0) {
      const { node, parent } = stack.pop()!;
      if (node.type === 'html') {
        if (!hasRawHtml && !onlyComments(node.value)) hasRawHtml = true;
      } else if (node.type === 'heading') {
        headings.push({ node, file: f.index, rootLevel: parent?.type === 'root' });
      } else if (node.type === 'definition') {
        // CommonMark: the first definition of a label wins.
        if (!defs.has(node.identifier)) defs.set(node.identifier, node);
      } else if (node.type === 'footnoteDefinition') {
        if (notes.has(node.identifier)) {
          diagnostics.warn(`footnote "[^${node.label ?? node.identifier}]" is defined twice; the first definition is used`, {
            file: f.display,
            line: (node.position?.start.line ?? 1) + f.lineOffset,
          });
        } else {
          notes.set(node.identifier, node);
        }
      }
      if ('children' in node) {
        const children = node.children as Nodes[];
        for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k], parent: node });
      }
    }
  }

  const rootLevels = headings.filter((h) => h.rootLevel).map((h) => h.node.depth);
  const levels = rootLevels.length > 0 ? rootLevels : headings.map((h) => h.node.depth);
  const topLevel = levels.reduce<number>((a, b) => Math.min(a, b), 6);

  const book = new Slugger((s) => RESERVED_WORDS.has(s) || RESERVED_PATTERN.test(s), MAX_SLUG_LENGTH);
  const slugOf = new Map<Heading, string>();
  const authorSlugs = new Map<number, Map<string, string>>();
  const firstSlug = new Map<number, string>();
  const bookSlugs = new Set<string>();
  const fileSluggers = new Map<number, Slugger>();
  for (const h of headings) {
    const text = headingText(h.node);
    const slug = book.slug(text);
    slugOf.set(h.node, slug);
    bookSlugs.add(slug);
    let fileSlugger = fileSluggers.get(h.file);
    if (!fileSlugger) {
      fileSlugger = new Slugger();
      fileSluggers.set(h.file, fileSlugger);
      authorSlugs.set(h.file, new Map());
    }
    authorSlugs.get(h.file)!.set(fileSlugger.slug(text), slug);
    if (!firstSlug.has(h.file)) firstSlug.set(h.file, slug);
  }
  const first = headings.find((h) => h.rootLevel) ?? headings[0];
  return {
    topLevel,
    slugOf,
    authorSlugs,
    firstSlug,
    bookSlugs,
    firstHeadingText: first ? headingText(first.node) : undefined,
    definitions,
    footnotes,
    hasRawHtml,
  };
}

/** Raw HTML that is nothing but comments, dropped without a word. */
export function onlyComments(html: string): boolean {
  return html.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}

/** A heading's text as a reader sees it: no raw HTML tags, note markers or image alt text. */
export function headingText(node: Heading | Root): string {
  let out = '';
  const stack: Nodes[] = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'break') out += ' ';
    else if ('children' in n) {
      const children = n.children as Nodes[];
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
