// The reader: manuscript files → one `Book`. Every edition renders from what this
// returns and nothing else.
//
//   sources → bytes → text (decode.ts) → front matter (front-matter.ts, first file
//   only) → nesting guard → mdast (parse-markdown.ts) → survey of headings and
//   definitions → metadata → model blocks (convert.ts) → chapters, notes, ids,
//   contents (structure.ts) → last scrub of every string (scrub.ts).

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError, type Diagnostics } from '../diagnostics.js';
import type { Block, Book, Note, SourceFile } from '../model/document.js';
import { Converter } from './convert.js';
import { decodeSource } from './decode.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { ImageLoader } from './images.js';
import { readMetadata } from './metadata.js';
import { checkNesting } from './nesting-guard.js';
import { parseMarkdown } from './parse-markdown.js';
import type { ParsedFile } from './parsed-file.js';
import { scrubStrings } from './scrub.js';
import { displayPath, listSources } from './sources.js';
import { buildToc, chapterFinder, renumberBlocks, splitChapters } from './structure.js';
import { surveyBook } from './survey.js';

export interface ReadOptions {
  diagnostics: Diagnostics;
  /** Images missing/refused become warnings with alt text instead of errors. */
  keepGoing?: boolean;
  /** Folder that display paths are relative to; default `process.cwd()`. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const NO_TEXT_HINT = 'write some Markdown after the front matter';

export async function readManuscript(inputPath: string, opts: ReadOptions): Promise<Book> {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const env = opts.env ?? process.env;
  const diagnostics = opts.diagnostics;
  const display = (abs: string) => displayPath(abs, cwd);

  const list = await listSources(inputPath, cwd, display);
  const sources: SourceFile[] = [];
  const files: ParsedFile[] = [];
  let frontMatter: FrontMatter | undefined;
  let firstDisplay = '';

  for (const [k, abs] of list.files.entries()) {
    const shown = display(abs);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(abs);
    } catch (err) {
      throw new InputError(`cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { file: shown });
    }
    sources.push({ file: shown, sha256: createHash('sha256').update(bytes).digest('hex') });
    const text = decodeSource(bytes, shown, diagnostics);
    const fm = readFrontMatter(text, shown, k === 0);
    if (k === 0) {
      frontMatter = fm;
      firstDisplay = shown;
    } else if (fm.present) {
      diagnostics.warn('front matter in a later file is ignored; only the first file\'s counts', { file: shown, line: 1 });
    }
    if (fm.body.trim() === '') {
      if (list.files.length === 1) throw new InputError('has no text', { file: shown }, NO_TEXT_HINT);
      diagnostics.warn('has no text; skipped', { file: shown });
      continue;
    }
    checkNesting(fm.body, shown, fm.bodyLineOffset);
    const tree = await parseMarkdown(fm.body, shown, fm.bodyLineOffset);
    files.push({ index: files.length, abs, dir: path.dirname(abs), display: shown, body: fm.body, lineOffset: fm.bodyLineOffset, tree });
  }
  if (files.length === 0) throw new InputError('has no text', { file: display(path.resolve(cwd, inputPath)) }, NO_TEXT_HINT);

  const survey = surveyBook(files, diagnostics);
  const { meta, cover } = readMetadata({
    frontMatter: frontMatter!,
    file: firstDisplay,
    env,
    diagnostics,
    firstHeading: survey.firstHeadingText,
    baseName: list.baseName,
  });

  const images = new ImageLoader(list.root, display);
  if (cover) {
    const loaded = images.load(cover.src, path.dirname(list.files[0]));
    const where = { file: firstDisplay, line: cover.line };
    if (loaded.ok) meta.cover = loaded.resource.id;
    else if (opts.keepGoing) diagnostics.warn(`cover image "${cover.src}" ${loaded.problem}; the book has no cover`, where);
    else throw new InputError(`cover image "${cover.src}" ${loaded.problem}`, where, loaded.hint);
  }

  // parse5 and the sanitiser cost more to load than most books take to read.
  const rawHtml = survey.hasRawHtml ? await import('./raw-html.js') : undefined;
  const converter = new Converter({ files, survey, images, diagnostics, keepGoing: opts.keepGoing === true, rawHtml });
  const blocks: Block[] = files.flatMap((f) => converter.convertFile(f));
  if (blocks.length === 0) throw new InputError('has no text', { file: firstDisplay }, NO_TEXT_HINT);

  converter.convertWaitingNotes();
  const chapters = splitChapters(blocks, converter.chapterHeadings, meta.title);
  const chapterOf = chapterFinder(chapters);
  const notes: Note[] = converter.pendingNotes.map((pending) => {
    // A note belongs to the chapter whose main text cites it, or cites the note that cites it.
    let first = pending;
    while (first.citedIn) first = first.citedIn;
    const chapter = chapterOf(first.citedAtSeq);
    chapters[chapter].notes.push(pending.number);
    return {
      number: pending.number,
      id: `fn-${pending.number}`,
      refId: `fnref-${pending.number}`,
      chapter,
      children: pending.blocks ?? [],
      pos: { file: pending.file.display, line: (pending.definition.position?.start.line ?? 1) + pending.file.lineOffset },
    };
  });
  converter.warnUncited();
  for (const c of chapters) c.notes.sort((a, b) => a - b);

  renumberBlocks(chapters, notes);
  const book: Book = {
    meta,
    chapters,
    toc: buildToc(chapters, meta.tocDepth),
    notes,
    resources: images.resources,
    links: converter.links,
    sources,
    root: list.root,
  };
  scrubStrings(book);
  return book;
}
