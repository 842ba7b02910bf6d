// Reads manuscripts written on the spot in a throw-away project folder
// (project/manuscript/…, project/assets/…), straight through `readManuscript`.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics, type Warning } from '../../src/diagnostics.js';
import type { Block, Book, Inline } from '../../src/model/document.js';
import { readManuscript, type ReadOptions } from '../../src/reader/read.js';
import { TempTree } from '../support/project.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export interface ReadResult {
  book: Book;
  warnings: Warning[];
  /** `file:line: message` lines, as the CLI prints them (without the `imprint:` prefix). */
  messages: string[];
}

export class Scratch extends TempTree {
  constructor(files: Record<string, string | Uint8Array> = {}) {
    super('imprint-reader-', ['manuscript'], files);
  }

  async read(input = 'manuscript/book.md', opts: Partial<ReadOptions> = {}): Promise<ReadResult> {
    return readWith(input, { cwd: this.dir, env: {}, ...opts });
  }
}

export async function readWith(input: string, opts: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const diagnostics = opts.diagnostics ?? new Diagnostics();
  const book = await readManuscript(input, { env: {}, cwd: ROOT, ...opts, diagnostics });
  return { book, warnings: diagnostics.warnings, messages: diagnostics.warnings.map(message) };
}

/** Reads one Markdown text as `manuscript/book.md` of a fresh project. */
export async function readText(text: string | Uint8Array, opts: Partial<ReadOptions> = {}): Promise<ReadResult> {
  return new Scratch({ 'manuscript/book.md': text }).read('manuscript/book.md', opts);
}

/** The error a read throws, for assertions on its message and place. */
export async function readError(text: string | Uint8Array, opts: Partial<ReadOptions> = {}): Promise<Error & { file?: string; line?: number; hint?: string }> {
  try {
    await readText(text, opts);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the read to fail');
}

function message(w: Warning): string {
  return `${w.file ?? ''}${w.line ? `:${w.line}` : ''}: ${w.message}`;
}

/** Every block of the book in reading order, nested ones included (chapters, then notes). */
export function allBlocks(book: Book): Block[] {
  const out: Block[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      out.push(b);
      if (b.type === 'blockquote') visit(b.children);
      if (b.type === 'list') for (const item of b.items) visit(item.children);
    }
  };
  for (const c of book.chapters) visit(c.blocks);
  for (const n of book.notes) visit(n.children);
  return out;
}

/** Every inline of a block list, depth first. */
export function allInlines(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const visit = (inlines: readonly Inline[]) => {
    for (const i of inlines) {
      out.push(i);
      if ('children' in i) visit(i.children);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') visit(b.content);
    if (b.type === 'figure') visit([b.image, ...b.caption]);
    if (b.type === 'table') for (const row of [b.head, ...b.rows]) for (const cell of row) visit(cell);
  }
  return out;
}

/** All strings anywhere in the book (image bytes excepted). */
export function allStrings(book: Book): string[] {
  const out: string[] = [];
  const stack: unknown[] = [book];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && !Buffer.isBuffer(v) && !(v instanceof Date)) stack.push(...Object.values(v));
  }
  return out;
}

export const fm = (lines: string, body = '# Heading\n\nText.\n') => `---\n${lines}\n---\n\n${body}`;
