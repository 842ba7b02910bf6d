// mdast → model blocks and inlines. The conversion recurses, but never deeper than
// NESTING_LIMIT containers or inline spans: deeper input is an InputError at its
// line (the nesting guard has already refused anything the parser would choke on).
//
// Block ids are handed out in conversion order and renumbered once the book is
// assembled (`structure.ts`), so dropped blocks leave no gaps.

import path from 'node:path';
import type {
  Definition, FootnoteDefinition, Heading, Image, ImageReference, List, Nodes, Paragraph, PhrasingContent, RootContent,
  Table, Text,
} from 'mdast';
import { InputError, type Diagnostics } from '../diagnostics.js';
import type { Block, HeadingBlock, ImageInline, Inline, LinkRef, SourcePos, TableBlock } from '../model/document.js';
import { plainText } from '../model/words.js';
import type { ImageLoader } from './images.js';
import { classifyHref, encodeHref } from './link-targets.js';
import { CONTAINER_MESSAGE, INLINE_MESSAGE, NESTING_LIMIT } from './nesting-guard.js';
import type { ParsedFile } from './parsed-file.js';
import type { HtmlHost, RunItem } from './raw-html.js';
import { onlyComments, type Survey } from './survey.js';

/** The raw-HTML converter, loaded only for manuscripts that have raw HTML. */
export type RawHtml = typeof import('./raw-html.js');

export interface PendingNote {
  number: number;
  file: ParsedFile;
  definition: FootnoteDefinition;
  /** Provisional number of the last block id handed out when the note was first cited. */
  citedAtSeq: number;
  /** The note whose text first cites this one. */
  citedIn?: PendingNote;
  /** The note's blocks, once converted. */
  blocks?: Block[];
}

/**
 * A note is converted where it is first cited, so the notes it cites in turn are
 * numbered in reading order; beyond this depth of notes citing notes, conversion
 * waits until the main text is done (it keeps the recursion shallow).
 */
const NOTE_DEPTH = 8;

export interface ConverterOptions {
  files: readonly ParsedFile[];
  survey: Survey;
  images: ImageLoader;
  diagnostics: Diagnostics;
  keepGoing: boolean;
  /** Required when `survey.hasRawHtml`. */
  rawHtml?: RawHtml;
}

export class Converter {
  /** Headings that open chapters: top level, at the root of the main text. */
  readonly chapterHeadings = new Set<HeadingBlock>();
  readonly links: LinkRef[] = [];
  readonly pendingNotes: PendingNote[] = [];
  private readonly linkNumbers = new Map<string, number>();
  private readonly noteNumbers = new Map<string, number>();
  private seq = 0;
  private file!: ParsedFile;
  /** The note being converted, if any. */
  private currentNote: PendingNote | undefined;
  private noteDepth = 0;
  private readonly htmlHost: HtmlHost;

  constructor(private readonly o: ConverterOptions) {
    const converter = this;
    this.htmlHost = {
      // The file changes as the converter moves through the book.
      get file() {
        return converter.file.display;
      },
      warn: (message, line) => this.o.diagnostics.warn(message, { file: this.file.display, line }),
      link: (href, title, children, line) => this.link(encodeHref(href), title, children, { file: this.file.display, line }),
    };
  }

  /** The root-level blocks of one file's main text. */
  convertFile(file: ParsedFile): Block[] {
    this.file = file;
    return this.blocks(file.tree.children, 0);
  }

  /** Converts the notes whose conversion had to wait; call after the main text. */
  convertWaitingNotes(): void {
    // Converting a note may cite further notes, which join the end of the list.
    for (let k = 0; k < this.pendingNotes.length; k++) {
      const note = this.pendingNotes[k];
      if (!note.blocks) this.convertNote(note);
    }
  }

  private convertNote(note: PendingNote): void {
    const saved = { file: this.file, note: this.currentNote, depth: this.noteDepth };
    this.file = note.file;
    this.currentNote = note;
    this.noteDepth++;
    try {
      note.blocks = this.blocks(note.definition.children, 0);
    } finally {
      this.file = saved.file;
      this.currentNote = saved.note;
      this.noteDepth = saved.depth;
    }
  }

  /** Warns about footnote definitions no reference ever used. */
  warnUncited(): void {
    for (const f of this.o.files) {
      for (const [id, def] of this.o.survey.footnotes.get(f.index) ?? []) {
        if (!this.noteNumbers.has(noteKey(f, id))) {
          this.o.diagnostics.warn(`footnote "[^${def.label ?? id}]" is never cited; left out`, this.posIn(f, def));
        }
      }
    }
  }

  // ------------------------------------------------------------------ blocks

  private blocks(nodes: RootContent[], depth: number): Block[] {
    const html = nodes.filter((n) => n.type === 'html');
    if (html.length === 0) return nodes.flatMap((n) => this.block(n, depth));
    const kept = nodes.filter((n) => !(n.type === 'html' && onlyComments(n.value)));
    if (!kept.some((n) => n.type === 'html')) return kept.flatMap((n) => this.block(n, depth));
    const items: RunItem<RootContent>[] = kept.map((n) =>
      n.type === 'html' ? { html: n.value, line: this.line(n) } : { slot: n, line: this.line(n) },
    );
    return this.html().convertBlockRun(items, this.htmlHost, (n) => this.block(n, depth), {
      paragraph: (content, line) => ({ type: 'paragraph', id: this.nextId(), pos: this.at(line), content: tidy(content) }),
      code: (value, line) => ({ type: 'code', id: this.nextId(), pos: this.at(line), value }),
      thematicBreak: (line) => ({ type: 'thematicBreak', id: this.nextId(), pos: this.at(line) }),
    });
  }

  private block(node: RootContent, depth: number): Block[] {
    switch (node.type) {
      case 'heading':
        return [this.heading(node, depth)];
      case 'paragraph':
        return this.paragraph(node);
      case 'blockquote': {
        this.checkDepth(depth, node);
        const id = this.nextId();
        return [{ type: 'blockquote', id, pos: this.pos(node), children: this.blocks(node.children, depth + 1) }];
      }
      case 'list':
        return [this.list(node, depth)];
      case 'code': {
        const block: Block = { type: 'code', id: this.nextId(), pos: this.pos(node), value: node.value };
        if (node.lang) block.lang = node.lang;
        return [block];
      }
      case 'thematicBreak':
        return [{ type: 'thematicBreak', id: this.nextId(), pos: this.pos(node) }];
      case 'table':
        return [this.table(node)];
      case 'html':
        return this.blocks([node], depth);
      default:
        // Definitions are used where they are referenced; nothing else is a block.
        return [];
    }
  }

  private heading(node: Heading, depth: number): HeadingBlock {
    const id = this.nextId();
    const content = this.inlines(node.children, 0);
    const top = this.o.survey.topLevel;
    const block: HeadingBlock = {
      type: 'heading',
      id,
      pos: this.pos(node),
      level: node.depth,
      depth: Math.min(6, Math.max(1, node.depth - top + 1)),
      slug: this.o.survey.slugOf.get(node) ?? 'section',
      content,
      text: plainText(content).replace(/\s+/g, ' ').trim(),
    };
    if (depth === 0 && this.currentNote === undefined && node.depth === top) this.chapterHeadings.add(block);
    return block;
  }

  private paragraph(node: Paragraph): Block[] {
    const significant = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (significant.length === 1 && (significant[0].type === 'image' || significant[0].type === 'imageReference')) {
      const id = this.nextId();
      const content = this.image(significant[0]);
      const image = content[0];
      if (content.length === 1 && image.type === 'image') {
        const caption = image.title ?? image.alt;
        return [{ type: 'figure', id, pos: this.pos(node), image, caption: caption ? [{ type: 'text', value: caption }] : [] }];
      }
      return isBlank(content) ? [] : [{ type: 'paragraph', id, pos: this.pos(node), content }];
    }
    const id = this.nextId();
    const content = this.inlines(node.children, 0);
    return isBlank(content) ? [] : [{ type: 'paragraph', id, pos: this.pos(node), content }];
  }

  private list(node: List, depth: number): Block {
    this.checkDepth(depth, node);
    const id = this.nextId();
    return {
      type: 'list',
      id,
      pos: this.pos(node),
      ordered: node.ordered === true,
      start: node.ordered && typeof node.start === 'number' ? node.start : 1,
      tight: node.spread !== true,
      items: node.children.map((item) => ({
        checked: typeof item.checked === 'boolean' ? item.checked : null,
        children: this.blocks(item.children, depth + 1),
      })),
    };
  }

  private table(node: Table): TableBlock {
    const id = this.nextId();
    const [headRow, ...bodyRows] = node.children;
    const columns = node.align?.length || headRow?.children.length || 0;
    const align = Array.from({ length: columns }, (_, k) => node.align?.[k] ?? null);
    const row = (r: (typeof node.children)[number] | undefined): Inline[][] =>
      Array.from({ length: columns }, (_, k) => {
        const cell = r?.children[k];
        return cell ? this.inlines(cell.children, 0) : [];
      });
    return { type: 'table', id, pos: this.pos(node), align, head: row(headRow), rows: bodyRows.map(row) };
  }

  private checkDepth(depth: number, node: Nodes): void {
    if (depth >= NESTING_LIMIT) throw new InputError(CONTAINER_MESSAGE, this.pos(node));
  }

  // ------------------------------------------------------------------ inlines

  private inlines(nodes: PhrasingContent[], depth: number): Inline[] {
    if (!nodes.some((n) => n.type === 'html')) return tidy(nodes.flatMap((n) => this.inline(n, depth)));
    const kept = nodes.filter((n) => !(n.type === 'html' && onlyComments(n.value)));
    if (!kept.some((n) => n.type === 'html')) return tidy(kept.flatMap((n) => this.inline(n, depth)));
    const items: RunItem<PhrasingContent>[] = kept.map((n) =>
      n.type === 'html' ? { html: n.value, line: this.line(n) } : { slot: n, line: this.line(n) },
    );
    return tidy(this.html().convertInlineRun(items, this.htmlHost, (n) => this.inline(n, depth)));
  }

  private inline(node: PhrasingContent, depth: number): Inline[] {
    if (depth >= NESTING_LIMIT && 'children' in node) throw new InputError(INLINE_MESSAGE, this.pos(node));
    switch (node.type) {
      case 'text':
        this.checkNoteLiterals(node);
        return [{ type: 'text', value: node.value.replace(/[ \t]*\n[ \t]*/g, ' ') }];
      case 'emphasis':
        return [{ type: 'emphasis', children: this.inlines(node.children, depth + 1) }];
      case 'strong':
        return [{ type: 'strong', children: this.inlines(node.children, depth + 1) }];
      case 'delete':
        return [{ type: 'strikethrough', children: this.inlines(node.children, depth + 1) }];
      case 'inlineCode':
        return [{ type: 'code', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'link':
        return this.link(node.url, node.title ?? undefined, this.inlines(node.children, depth + 1), this.pos(node));
      case 'linkReference': {
        const children = this.inlines(node.children, depth + 1);
        const def = this.definition(node.identifier);
        return def ? this.link(def.url, def.title ?? undefined, children, this.pos(node)) : children;
      }
      case 'image':
      case 'imageReference':
        return this.image(node);
      case 'footnoteReference':
        return [this.noteRef(node.identifier, node.label ?? node.identifier)];
      case 'html':
        return this.inlines([node], depth);
      default:
        return [];
    }
  }

  /** Text `[^x]` is a citation of a note this file never defines (GFM leaves it as text). */
  private checkNoteLiterals(node: Text): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !node.value.includes('[^')) return;
    const source = this.file.body.slice(start, end);
    for (const m of source.matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)) {
      this.o.diagnostics.warn(`footnote "[^${m[1]}]" is not defined; kept as text`, this.pos(node));
    }
  }

  private noteRef(identifier: string, label: string): Inline {
    const key = noteKey(this.file, identifier);
    let number = this.noteNumbers.get(key);
    if (number === undefined) {
      const definition = this.o.survey.footnotes.get(this.file.index)?.get(identifier);
      if (!definition) return { type: 'text', value: `[^${label}]` };
      number = this.noteNumbers.size + 1;
      this.noteNumbers.set(key, number);
      const note: PendingNote = { number, file: this.file, definition, citedAtSeq: this.seq, citedIn: this.currentNote };
      this.pendingNotes.push(note);
      if (this.noteDepth < NOTE_DEPTH) this.convertNote(note);
    }
    return { type: 'noteref', number };
  }

  private definition(identifier: string): Definition | undefined {
    return this.o.survey.definitions.get(this.file.index)?.get(identifier);
  }

  private link(href: string, title: string | undefined, childrenIn: Inline[], pos: SourcePos): Inline[] {
    const children = withoutLinks(childrenIn);
    const target = classifyHref(href);
    const withTitle = title ? { title } : {};
    const keep = (why: string): Inline[] => {
      this.o.diagnostics.warn(`${why}; kept its text`, pos);
      return children;
    };
    switch (target.kind) {
      case 'external': {
        let number = this.linkNumbers.get(target.href);
        if (number === undefined) {
          number = this.links.length + 1;
          this.linkNumbers.set(target.href, number);
          this.links.push({ number, href: target.href });
        }
        const shown = isBlank(children) ? [{ type: 'text', value: target.href } as Inline] : children;
        return [{ type: 'link', href: target.href, ...withTitle, refNumber: number, children: shown }];
      }
      case 'fragment': {
        const slug = this.resolveFragment(this.file.index, target.fragment);
        if (!slug) return keep(`link to "#${target.fragment}" matches no heading`);
        return [{ type: 'link', href: `#${slug}`, ...withTitle, internal: slug, children }];
      }
      case 'file': {
        const abs = path.resolve(this.file.dir, target.path);
        const other = this.o.files.find((f) => f.abs === abs);
        if (!other) return keep(`link to "${shorten(href)}" is neither a web address nor a heading in this book`);
        const slug = target.fragment
          ? this.resolveFragment(other.index, target.fragment)
          : this.o.survey.firstSlug.get(other.index);
        if (!slug) return keep(`link to "${shorten(href)}" matches no heading`);
        return [{ type: 'link', href: `#${slug}`, ...withTitle, internal: slug, children }];
      }
      case 'unsafe':
        return keep(`link to a ${target.scheme}: URL dropped`);
      case 'empty':
        return keep('link has no target');
    }
  }

  private resolveFragment(fileIndex: number, fragment: string): string | undefined {
    const own = this.o.survey.authorSlugs.get(fileIndex);
    return (
      own?.get(fragment) ??
      (this.o.survey.bookSlugs.has(fragment) ? fragment : undefined) ??
      own?.get(fragment.toLowerCase()) ??
      (this.o.survey.bookSlugs.has(fragment.toLowerCase()) ? fragment.toLowerCase() : undefined)
    );
  }

  private image(node: Image | ImageReference): Inline[] {
    const pos = this.pos(node);
    const alt = (node.alt ?? '').trim();
    let url: string;
    let title: string | undefined;
    if (node.type === 'imageReference') {
      const def = this.definition(node.identifier);
      if (!def) return alt ? [{ type: 'text', value: alt }] : [];
      url = def.url;
      title = def.title ?? undefined;
    } else {
      url = node.url;
      title = node.title ?? undefined;
    }
    const shown = shorten(safeDecode(url));
    if (!alt) this.o.diagnostics.warn(`image "${shown}" has no alt text`, pos);
    const loaded = this.o.images.load(url, this.file.dir);
    if (!loaded.ok) {
      const message = `image "${shown}" ${loaded.problem}`;
      if (!this.o.keepGoing) throw new InputError(message, pos, loaded.hint);
      this.o.diagnostics.warn(`${message}; using its alt text`, pos);
      return alt ? [{ type: 'text', value: alt }] : [];
    }
    if (loaded.note) this.o.diagnostics.warn(`image "${shown}" ${loaded.note}`, pos);
    const image: ImageInline = { type: 'image', resource: loaded.resource.id, alt, pos };
    if (title) image.title = title;
    return [image];
  }

  private html(): RawHtml {
    if (!this.o.rawHtml) throw new Error('raw HTML converter not loaded');
    return this.o.rawHtml;
  }

  // ------------------------------------------------------------------ positions and ids

  private nextId(): string {
    return `b${++this.seq}`;
  }

  private line(node: Nodes): number {
    return (node.position?.start.line ?? 1) + this.file.lineOffset;
  }

  private pos(node: Nodes): SourcePos {
    return { file: this.file.display, line: this.line(node) };
  }

  private at(line: number): SourcePos {
    return { file: this.file.display, line };
  }

  private posIn(file: ParsedFile, node: Nodes): SourcePos {
    return { file: file.display, line: (node.position?.start.line ?? 1) + file.lineOffset };
  }
}

function noteKey(file: ParsedFile, identifier: string): string {
  return `${file.index}\u0000${identifier}`;
}

function isBlank(inlines: readonly Inline[]): boolean {
  return inlines.every((i) => i.type === 'text' && i.value.trim() === '');
}

/** Merges neighbouring text and drops empty text. */
export function tidy(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    if (node.type === 'text') {
      if (node.value === '') continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + node.value };
        continue;
      }
    }
    out.push(node);
  }
  return out;
}

/** A link cannot hold a link: inner ones give way to their text. */
function withoutLinks(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    if (node.type === 'link') out.push(...withoutLinks(node.children));
    else if ('children' in node) out.push({ ...node, children: withoutLinks(node.children) });
    else out.push(node);
  }
  return tidy(out);
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

function shorten(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}
