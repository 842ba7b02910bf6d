// `imprint import`: turns a plain-text copy into a Markdown manuscript and says
// what it made of it, so the author knows what to check.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../diagnostics.js';
import { firstInvalidUtf8, lineAt } from '../check/utf8.js';
import { localDate, validDate } from './iso-date.js';
import { analysePlainText, type PlainTextStructure } from './plain-text.js';
import { toMarkdown } from './to-markdown.js';

export interface ImportOptions {
  /** The plain-text file, as the user typed it. */
  input: string;
  /** Where to write the manuscript (default `manuscript/<input name>.md`). */
  out?: string;
  force: boolean;
  /** `YYYY-MM-DD`; default: the input file's modification date (local calendar). */
  date?: string;
  lang: string;
  /** A title to use instead of looking for one in the text. */
  title?: string;
  /** `false` with `--no-title`. */
  detectTitle: boolean;
  cwd?: string;
}

export interface ImportResult {
  /** Where the manuscript was written, as given or derived (relative to cwd). */
  out: string;
  structure: PlainTextStructure;
  markdown: string;
  date: string;
  /** Where the date came from, for the report. */
  dateSource: string;
  /** The report, one line per decision. */
  report: string[];
}

/** Decodes UTF-8 strictly, naming the line of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineAt(bytes, firstInvalidUtf8(bytes));
    throw new InputError('is not valid UTF-8 text', { file, line }, `convert it first, e.g. iconv -f windows-1252 -t utf-8 ${file} > ${path.basename(file, path.extname(file))}.utf8.txt`);
  }
}

export async function importPlainText(opts: ImportOptions): Promise<ImportResult> {
  const cwd = opts.cwd ?? process.cwd();
  const inputPath = path.resolve(cwd, opts.input);
  const stat = await fs.stat(inputPath).catch(() => undefined);
  if (!stat) throw new InputError('no such file', { file: opts.input }, 'give the path of a plain-text (.txt) file');
  if (!stat.isFile()) throw new InputError('is not a file', { file: opts.input }, 'give the path of a plain-text (.txt) file');
  const bytes = await fs.readFile(inputPath);
  // Windows editors save "Unicode" text as UTF-16 with a byte-order mark: read it as such.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.includes(0)) throw new InputError('looks like a binary file, not plain text', { file: opts.input }, 'export the document as plain text (UTF-8) first');
  const text = utf16 ? new TextDecoder(utf16).decode(bytes) : decodeUtf8(bytes, opts.input);
  if (text.trim() === '') throw new InputError('is empty; there is nothing to import', { file: opts.input });

  if (opts.date !== undefined && !validDate(opts.date)) throw new UsageError(`--date must be a date written YYYY-MM-DD, got "${opts.date}"`);
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(opts.lang)) throw new UsageError(`--lang must be a BCP 47 language tag such as en, en-GB or he, got "${opts.lang}"`);
  const date = opts.date ?? localDate(stat.mtime);
  const dateSource = opts.date !== undefined ? 'from --date' : `the modification date of ${path.basename(opts.input)}`;

  const out = opts.out ?? path.join('manuscript', `${path.basename(opts.input, path.extname(opts.input)) || 'manuscript'}.md`);
  const outPath = path.resolve(cwd, out);
  if (outPath === inputPath) throw new UsageError(`--out ${out}: is the input file itself; choose another name`);

  const structure = analysePlainText(text, { detectTitle: opts.detectTitle && opts.title === undefined });
  const title = opts.title ?? structure.title.title;
  const markdown = toMarkdown(structure, { title, date, lang: opts.lang, source: path.basename(opts.input) });

  await fs.mkdir(path.dirname(outPath), { recursive: true });
  try {
    // 'wx' refuses an existing file in the same system call that creates it.
    await fs.writeFile(outPath, markdown, { flag: opts.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError('already exists; imprint import does not overwrite a file without --force', { file: out }, `pass --force to replace it, or choose another name with --out`);
    if (code === 'EISDIR') throw new UsageError(`--out ${out}: is a folder; give a file name ending in .md`);
    throw new InputError(`cannot write: ${(err as Error).message}`, { file: out });
  }
  return { out, structure, markdown, date, dateSource, report: report(opts, out, structure, title, date, dateSource) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function report(opts: ImportOptions, out: string, s: PlainTextStructure, title: string | undefined, date: string, dateSource: string): string[] {
  const headings = s.blocks.filter((b) => b.kind === 'heading');
  const paragraphs = s.blocks.filter((b) => b.kind === 'paragraph').length;
  const breaks = s.blocks.filter((b) => b.kind === 'break').length;
  const lines = [`imported ${opts.input} → ${out}`, `  paragraphs: ${s.modeReason}`];
  let counts = `  ${plural(paragraphs, 'paragraph')}, ${plural(headings.length, 'heading')}`;
  if (breaks > 0) counts += `, ${plural(breaks, 'scene break')}`;
  lines.push(counts + (headings.length > 0 ? ':' : ''));
  for (const h of headings) lines.push(`    line ${h.line}: ## ${h.text}`);
  if (opts.title !== undefined) lines.push(`  title: "${opts.title}" (from --title)`);
  else if (title !== undefined) lines.push(`  title: "${title}" (${s.title.reason})`);
  else lines.push(`  title: no title found (${s.title.reason}); the front matter has a "TODO: title" placeholder`);
  lines.push(`  date: ${date} (${dateSource}); lang: ${opts.lang}; author: "TODO: author" placeholder`);
  lines.push(`  check the headings above, complete the front matter, then: imprint build ${out}`);
  return lines;
}
