// Reading a PDF's internals for the PDF edition's tests: qpdf's JSON object view,
// the structure tree, the XMP packet, and text normalisation for pdftotext output.

import { execFileSync } from 'node:child_process';
import { Diagnostics } from '../../src/diagnostics.js';
import type { RenderContext } from '../../src/editions/edition.js';
import type { Block, Book, Inline } from '../../src/model/document.js';

export function context(diagnostics = new Diagnostics()): RenderContext {
  return { diagnostics, generator: 'imprint 0.1.0', width: 72 };
}

export interface QpdfObjects {
  get(ref: string): any;
  trailer: any;
  root: any;
}

/** Objects of `qpdf --json` (version 2), with references resolved on demand. */
export function objects(json: any): QpdfObjects {
  const table = json.qpdf[1] as Record<string, any>;
  const get = (ref: string) => {
    const o = table[`obj:${ref}`];
    if (!o) throw new Error(`no object ${ref}`);
    return o.value ?? o.stream?.dict;
  };
  const trailer = table.trailer.value;
  return { get, trailer, root: get(trailer['/Root']) };
}

const isRef = (v: unknown): v is string => typeof v === 'string' && / \d+ R$/.test(v);

export function deref(objs: QpdfObjects, v: any): any {
  return isRef(v) ? objs.get(v) : v;
}

/** Structure element types in document order (depth first), e.g. ['Document', 'Sect', 'H1', …]. */
export function structTags(objs: QpdfObjects): string[] {
  const root = deref(objs, objs.root['/StructTreeRoot']);
  const out: string[] = [];
  const walk = (k: any) => {
    if (k === undefined || k === null) return;
    if (Array.isArray(k)) {
      k.forEach(walk);
      return;
    }
    const node = deref(objs, k);
    if (typeof node !== 'object' || node === null) return; // MCID
    if (node['/Type'] === '/MCR' || node['/Type'] === '/OBJR') return;
    if (node['/S']) {
      out.push(String(node['/S']).slice(1));
      walk(node['/K']);
    }
  };
  walk(root['/K']);
  return out;
}

/** Structure elements with their attributes, for targeted checks. */
export function structElements(objs: QpdfObjects): any[] {
  const root = deref(objs, objs.root['/StructTreeRoot']);
  const out: any[] = [];
  const walk = (k: any) => {
    if (k === undefined || k === null) return;
    if (Array.isArray(k)) return k.forEach(walk);
    const node = deref(objs, k);
    if (typeof node !== 'object' || node === null || !node['/S']) return;
    out.push(node);
    walk(node['/K']);
  };
  walk(root['/K']);
  return out;
}

/** The XMP packet (pdfkit writes it uncompressed). */
export function xmpPacket(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1');
  const start = text.indexOf('<?xpacket begin');
  const endMark = '<?xpacket end="w"?>';
  const end = text.indexOf(endMark, start);
  if (start < 0 || end < 0) throw new Error('no XMP packet');
  return Buffer.from(text.slice(start, end + endMark.length), 'latin1').toString('utf8');
}

/**
 * pdftotext output → comparable text: a hyphen at a line end joined with the next
 * line, then every hyphen dropped (a line may break after a hyphen the manuscript
 * has, or at one the typesetter inserted, and the two look the same), whitespace
 * collapsed.
 */
export function normalise(text: string): string {
  return canonical(text.replace(/\f/g, '\n').replace(/[-\u2010]\n\s*/gu, ''));
}

/**
 * A page's text without its furniture: the running head (its first line, when the
 * page has one) and the folio (its last line, a number), so that a paragraph
 * running across a page turn reads on.
 */
export function withoutFurniture(page: string, runningHead: string | undefined): string {
  const lines = page.split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length > 0 && /^\s*\d+\s*$/.test(lines[lines.length - 1])) lines.pop();
  const first = lines.findIndex((l) => l.trim() !== '');
  if (runningHead !== undefined && first >= 0 && lines[first].trim() === runningHead.trim()) lines.splice(0, first + 1);
  return lines.join('\n');
}

export function canonical(text: string): string {
  return text.replace(/[-\u2010\u00ad]/gu, '').replace(/\s+/gu, ' ').trim();
}

/** Plain text with note markers as their numbers, as a reader of the PDF sees it. */
export function textWithMarkers(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    if (node.type === 'noteref') out += String(node.number);
    else if (node.type === 'text' || node.type === 'code') out += node.value;
    else if (node.type === 'break') out += '\n';
    else if ('children' in node) out += textWithMarkers(node.children);
  }
  return out;
}

/** Text of every paragraph-like block of the book, in reading order (notes excluded). */
export function blockTexts(book: Book): string[] {
  const out: string[] = [];
  const inl = (x: Inline[]) => canonical(textWithMarkers(x));
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
        case 'heading':
          out.push(inl(b.content));
          break;
        case 'figure':
          if (b.caption.length) out.push(inl(b.caption));
          break;
        case 'blockquote':
          walk(b.children);
          break;
        case 'list':
          b.items.forEach((i) => walk(i.children));
          break;
        case 'code':
          out.push(canonical(b.value));
          break;
        case 'table':
          for (const row of [b.head, ...b.rows]) for (const cell of row) out.push(inl(cell));
          break;
        default:
          break;
      }
    }
  };
  for (const ch of book.chapters) walk(ch.blocks);
  return out.filter((t) => t.length > 0);
}

/**
 * Checks that each text occurs in `haystack` after the previous one; returns the
 * texts that could not be found in order.
 */
export function missingInOrder(haystack: string, texts: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const t of texts) {
    const needle = canonical(t);
    const k = haystack.indexOf(needle, at);
    if (k < 0) missing.push(t);
    else at = k + needle.length;
  }
  return missing;
}

interface Annot {
  page: number;
  uri?: string;
  dest?: string;
  structParent?: number;
  contents?: string;
}

export function annotations(objs: QpdfObjects): Annot[] {
  const out: Annot[] = [];
  const pagesRoot = deref(objs, objs.root['/Pages']);
  (pagesRoot['/Kids'] as string[]).forEach((ref, k) => {
    const page = deref(objs, ref);
    for (const a of (deref(objs, page['/Annots']) ?? []) as string[]) {
      const annot = deref(objs, a);
      const action = deref(objs, annot['/A']);
      out.push({
        page: k + 1,
        uri: action?.['/URI']?.replace(/^u:/, ''),
        dest: action?.['/S'] === '/GoTo' ? String(action['/D']).replace(/^u:/, '') : undefined,
        structParent: annot['/StructParent'],
        contents: annot['/Contents'],
      });
    }
  });
  return out;
}

export function destinationNames(objs: QpdfObjects): string[] {
  const names = deref(objs, objs.root['/Names']);
  const dests = deref(objs, names['/Dests']);
  const out: string[] = [];
  const walk = (node: any) => {
    node = deref(objs, node);
    if (node['/Names']) for (let i = 0; i < node['/Names'].length; i += 2) out.push(String(node['/Names'][i]).replace(/^u:/, ''));
    for (const kid of node['/Kids'] ?? []) walk(kid);
  };
  walk(dests);
  return out;
}


/** Uncompressed, normalised content of all pages (qpdf --qdf). */
export function qdfContent(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
}

/** Number of text objects (BT … ET) that are not inside any marked-content sequence. */
export function unmarkedText(qdf: string): number {
  let depth = 0;
  let unmarked = 0;
  for (const line of qdf.split('\n')) {
    const t = line.trim();
    if (/\bBDC$/.test(t) || /\bBMC$/.test(t)) depth++;
    else if (t === 'EMC') depth = Math.max(0, depth - 1);
    else if (t === 'BT' && depth === 0) unmarked++;
  }
  return unmarked;
}
