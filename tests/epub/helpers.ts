// Shared by the EPUB tests: render a Book, open the package, parse its documents
// strictly, and read the words that follow each print page marker.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { Diagnostics } from '../../src/diagnostics.js';
import type { PageStart } from '../../src/editions/edition.js';
import { renderEpub } from '../../src/editions/epub/index.js';
import type { Block, Book } from '../../src/model/document.js';
import { plainText, splitWords } from '../../src/model/words.js';
import { unzipEpub, writeTmp, type UnzippedEpub } from '../support/tools.js';

export const GENERATOR = 'imprint 0.1.0';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTICLE = path.join(ROOT, 'manuscript/article.md');
export const KITCHEN_SINK = path.join(ROOT, 'tests/fixtures/kitchen-sink/book.md');
const READER = path.join(ROOT, 'src/reader/read.ts');

/** The Markdown reader is written in parallel; in CI its absence is a failure, not a skip. */
export function requireReader(): boolean {
  if (existsSync(READER)) return true;
  if (process.env.CI) throw new Error('src/reader/read.ts is missing');
  return false;
}

/** Reads a manuscript through the real reader, as the CLI does. */
export async function readBook(file: string): Promise<Book> {
  const reader = (await import(/* @vite-ignore */ pathToFileURL(READER).href)) as {
    readManuscript(file: string, opts: { diagnostics: Diagnostics }): Book | Promise<Book>;
  };
  return reader.readManuscript(path.relative(process.cwd(), file), { diagnostics: new Diagnostics() });
}

/** The words of a leaf block, exactly as the PDF counts them (page starts index into these). */
export function leafWords(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return splitWords(plainText(b.content));
    case 'figure':
      return splitWords(plainText(b.caption));
    case 'code':
      return splitWords(b.value);
    case 'table':
      return [...b.head, ...b.rows.flat()].flatMap((c) => splitWords(plainText(c)));
    default:
      return [];
  }
}

export interface Rendered {
  bytes: Uint8Array;
  epub: UnzippedEpub;
  diagnostics: Diagnostics;
  /** The EPUB written to a temporary file (for EPUBCheck and Ace). */
  file: string;
}

export async function render(book: Book, opts: { pageStarts?: PageStart[]; printEdition?: string } = {}, name = 'book.epub'): Promise<Rendered> {
  const diagnostics = new Diagnostics();
  const bytes = await renderEpub(book, { diagnostics, generator: GENERATOR, width: 72 }, opts);
  const epub = await unzipEpub(bytes);
  return { bytes, epub, diagnostics, file: writeTmp(name, bytes) };
}

/** Parses XML and throws on any warning or error, with the document's name. */
export function parseXml(text: string, name = 'document'): Document {
  const fail = (level: string) => (msg: string) => {
    throw new Error(`${name}: XML ${level}: ${msg}`);
  };
  const parser = new DOMParser({ onError: (level, msg) => fail(level)(msg) });
  return parser.parseFromString(text, 'application/xml');
}

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const EPUB_NS = 'http://www.idpf.org/2007/ops';
export const OPF_NS = 'http://www.idpf.org/2007/opf';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const NCX_NS = 'http://www.daisy.org/z3986/2005/ncx/';

export function elements(doc: Document | Element, localName: string, ns = XHTML_NS): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<Element>);
}

export function epubType(el: Element): string {
  return el.getAttributeNS(EPUB_NS, 'type') ?? '';
}

export function textOf(node: Node): string {
  return node.textContent ?? '';
}

/** Every element with an id, by id. */
export function ids(doc: Document): Set<string> {
  const out = new Set<string>();
  const walk = (n: Node) => {
    if (n.nodeType === 1) {
      const id = (n as Element).getAttribute('id');
      if (id) out.add(id);
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc);
  return out;
}

export interface Package {
  doc: Document;
  /** Manifest items in order. */
  manifest: { id: string; href: string; mediaType: string; properties: string }[];
  spine: { idref: string; linear: string | null }[];
  /** `<meta property>` values by property. */
  meta: Map<string, string[]>;
  dc(name: string): string[];
}

export async function readPackage(epub: UnzippedEpub): Promise<Package> {
  const doc = parseXml(await epub.text('OEBPS/content.opf'), 'content.opf');
  const manifest = elements(doc, 'item', OPF_NS).map((e) => ({
    id: e.getAttribute('id')!,
    href: e.getAttribute('href')!,
    mediaType: e.getAttribute('media-type')!,
    properties: e.getAttribute('properties') ?? '',
  }));
  const spine = elements(doc, 'itemref', OPF_NS).map((e) => ({ idref: e.getAttribute('idref')!, linear: e.getAttribute('linear') }));
  const meta = new Map<string, string[]>();
  for (const e of elements(doc, 'meta', OPF_NS)) {
    const p = e.getAttribute('property');
    if (!p || e.getAttribute('refines')) continue;
    meta.set(p, [...(meta.get(p) ?? []), textOf(e)]);
  }
  return { doc, manifest, spine, meta, dc: (name) => elements(doc, name, DC_NS).map(textOf) };
}

/** `<meta refines="#id" property=…>` values. */
export function refinements(pkg: Package, id: string, property: string): string[] {
  return elements(pkg.doc, 'meta', OPF_NS)
    .filter((e) => e.getAttribute('refines') === `#${id}` && e.getAttribute('property') === property)
    .map(textOf);
}

// Elements whose boundaries separate words (block-level), and elements whose text
// is not part of the book's words (note markers, task boxes, the notes themselves).
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'figcaption', 'pre', 'blockquote', 'div', 'section', 'figure', 'ul', 'ol', 'table', 'tr', 'thead', 'tbody', 'br', 'hr']);

function skipped(el: Element): boolean {
  if (el.localName === 'aside') return true;
  if (el.localName === 'sup' && el.firstChild && (el.firstChild as Element).nodeType === 1 && epubType(el.firstChild as Element) === 'noteref') return true;
  return (el.getAttribute('class') ?? '').split(/\s+/).includes('task-box');
}

/**
 * For each page-break marker in a document (by id), the first `count` words of
 * the book's text that follow it.
 */
export function wordsAfterMarkers(doc: Document, count = 1): Map<string, { label: string; words: string[] }> {
  // Flatten into a stream of text and marker tokens, blocks counted as whitespace.
  const stream: ({ text: string } | { marker: Element })[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) stream.push({ text: c.nodeValue ?? '' });
      else if (c.nodeType === 1) {
        const el = c as Element;
        if (epubType(el) === 'pagebreak') {
          stream.push({ marker: el });
          continue;
        }
        if (skipped(el)) continue;
        const block = BLOCKS.has(el.localName ?? '');
        if (block) stream.push({ text: ' ' });
        walk(el);
        if (block) stream.push({ text: ' ' });
      }
    }
  };
  walk(doc.documentElement!);
  const out = new Map<string, { label: string; words: string[] }>();
  stream.forEach((tok, i) => {
    if (!('marker' in tok)) return;
    let text = '';
    for (let j = i + 1; j < stream.length; j++) {
      const t = stream[j];
      if ('text' in t) text += t.text;
      if (text.split(/\s+/u).filter(Boolean).length > count) break;
    }
    out.set(tok.marker.getAttribute('id')!, {
      label: tok.marker.getAttribute('aria-label') ?? '',
      words: text.split(/\s+/u).filter(Boolean).slice(0, count),
    });
  });
  return out;
}
