// Which files make up the manuscript: one `.md` file, or every `.md` file in a
// folder (not its subfolders), in natural order so `2-x.md` comes before `10-y.md`.

import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../diagnostics.js';
import { isInside } from './images.js';

export interface SourceList {
  /** Absolute folder of the manuscript. */
  root: string;
  /** Absolute paths, in reading order. */
  files: string[];
  /** What the book is called when the front matter does not say: see `folderBaseName`. */
  baseName: string;
}

// A fixed locale, so the order does not depend on the machine's settings.
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export async function listSources(inputPath: string, cwd: string, display: (abs: string) => string): Promise<SourceList> {
  const abs = path.resolve(cwd, inputPath);
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch {
    throw new InputError('no such file or folder', { file: inputPath }, 'give the path of a .md file or of a folder of .md files');
  }
  if (stat.isFile()) {
    return { root: path.dirname(abs), files: [abs], baseName: fileBaseName(abs) };
  }
  if (!stat.isDirectory()) throw new InputError('is neither a file nor a folder', { file: inputPath });

  const entries = await fs.readdir(abs, { withFileTypes: true });
  const names = entries
    .filter((e) => !e.name.startsWith('.') && /\.md$/i.test(e.name) && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort((a, b) => natural.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const realRoot = realpathSync(abs);
  const files: string[] = [];
  for (const name of names) {
    const file = path.join(abs, name);
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      throw new InputError('is a broken symbolic link', { file: display(file) });
    }
    // A symlink must not pull a file from elsewhere on the machine into the book.
    if (!isInside(real, realRoot)) {
      throw new InputError('links to a file outside the manuscript folder', { file: display(file) }, 'copy the file into the folder');
    }
    if ((await fs.stat(real)).isFile()) files.push(file);
  }
  if (files.length === 0) {
    throw new InputError('has no .md files', { file: display(abs) }, 'put the chapters in .md files directly inside the folder');
  }
  return { root: abs, files, baseName: folderBaseName(abs, files) };
}

/**
 * A folder holding one file is named after that file (`manuscript/book.md` → book);
 * otherwise after the folder, except that the conventional `manuscript` folder
 * stands for its project, so `my-novel/manuscript/` → my-novel.
 */
function folderBaseName(folder: string, files: readonly string[]): string {
  if (files.length === 1) return fileBaseName(files[0]);
  const name = path.basename(folder);
  return name.toLowerCase() === 'manuscript' ? path.basename(path.dirname(folder)) || name : name;
}

function fileBaseName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '') || 'book';
}

export function displayPath(abs: string, cwd: string): string {
  if (abs === cwd) return '.';
  return isInside(abs, cwd) ? path.relative(cwd, abs) : abs;
}
