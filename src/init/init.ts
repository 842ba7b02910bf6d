// `imprint init`: a new project folder an author can build at once.
//
//   manuscript/01-chapter.md   sample chapter, front matter showing every key
//   assets/                    for images (kept in git by .gitkeep)
//   .gitignore                 dist/ (the built editions) stays out of version control

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../diagnostics.js';
import { localDate } from '../import/iso-date.js';
import { sampleChapter } from './sample-chapter.js';

export interface InitOptions {
  /** The project folder (created when missing). */
  dir: string;
  /** Proceed in a folder that is not empty; files already there are kept. */
  force: boolean;
  /** `YYYY-MM-DD` for the sample's date (default: today). */
  date?: string;
  cwd?: string;
}

export interface InitResult {
  /** What was done, one line each, paths relative to cwd. */
  lines: string[];
  /** The chapter file, relative to cwd. */
  chapter: string;
}

export const CHAPTER = path.join('manuscript', '01-chapter.md');

/** `my-first_book` → `My First Book`; falls back when the name has no letters. */
export function titleFromFolder(name: string): string {
  const words = name.split(/[\s_\-.]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return 'Untitled Book';
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9-]+$/.test(slug) && slug !== '' ? slug : 'book';
}

function display(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

export async function init(opts: InitOptions): Promise<InitResult> {
  const cwd = opts.cwd ?? process.cwd();
  const root = path.resolve(cwd, opts.dir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(`init: ${opts.dir} is a file; give a folder for the new project`);
  const existing = stat ? await fs.readdir(root) : [];
  if (existing.length > 0 && !opts.force) {
    throw new UsageError(`init: ${display(root, cwd)} is not empty (${existing.length} entr${existing.length === 1 ? 'y' : 'ies'}); choose an empty or new folder, or pass --force to add the project files and keep what is there`);
  }

  const title = titleFromFolder(path.basename(root));
  const date = opts.date ?? localDate(new Date());
  const lines: string[] = [];
  const show = (p: string) => display(p, cwd);

  for (const sub of ['manuscript', 'assets']) await fs.mkdir(path.join(root, sub), { recursive: true });

  const chapter = path.join(root, CHAPTER);
  const wrote = await writeNew(chapter, sampleChapter({ title, slug: slugify(title), date, year: date.slice(0, 4) }));
  lines.push(wrote ? `wrote ${show(chapter)} (sample chapter; its front matter shows every key)` : `kept ${show(chapter)} (it exists)`);

  const keep = path.join(root, 'assets', '.gitkeep');
  await writeNew(keep, '');
  lines.push(`made ${show(path.join(root, 'assets'))}${path.sep} (for images)`);

  const gitignore = path.join(root, '.gitignore');
  const current = await fs.readFile(gitignore, 'utf8').catch(() => undefined);
  if (current === undefined) {
    await fs.writeFile(gitignore, '# Built editions: imprint build writes them again from the manuscript.\ndist/\n');
    lines.push(`wrote ${show(gitignore)} (keeps dist/ out of version control)`);
  } else if (!/^\/?dist\/?\s*$/m.test(current)) {
    await fs.appendFile(gitignore, `${current.endsWith('\n') || current === '' ? '' : '\n'}dist/\n`);
    lines.push(`added dist/ to ${show(gitignore)}`);
  } else lines.push(`kept ${show(gitignore)} (it already ignores dist/)`);

  const where = display(root, cwd);
  lines.push('', 'Next:', ...(where === '.' ? [] : [`  cd ${where}`]), '  imprint build          # writes dist/*.epub, .pdf and .txt', '  imprint build --watch  # rebuilds on every save');
  return { lines, chapter: show(chapter) };
}

/** Writes a file unless it exists; returns whether it wrote. */
async function writeNew(file: string, content: string): Promise<boolean> {
  try {
    await fs.writeFile(file, content, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
