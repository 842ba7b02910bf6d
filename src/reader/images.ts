// Images come from three places only: the manuscript's folder, `assets/` in it, and
// the project's `assets/` (beside the manuscript folder). A path that leaves them —
// absolutely, by `..`, or through a symlink — is refused, as is every URL: a book
// build reads local files and never fetches anything.

import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MediaType, Resource } from '../model/document.js';
import { imageInfo } from './image-info.js';

const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const EXTENSION: Record<MediaType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };

export type ImageLoad =
  | { ok: true; resource: Resource; note?: string }
  | { ok: false; problem: string; hint?: string };

export class ImageLoader {
  /** Every distinct image loaded, in order of first use. */
  readonly resources: Resource[] = [];
  private readonly byId = new Map<string, Resource>();
  private readonly cache = new Map<string, ImageLoad>();
  private readonly roots: string[];
  private readonly realRoots: string[];
  private readonly assetDirs: string[];

  /**
   * @param root absolute folder of the manuscript
   * @param display how paths are shown to the user
   */
  constructor(root: string, private readonly display: (abs: string) => string) {
    const projectAssets = path.join(path.dirname(root), 'assets');
    this.roots = [root, projectAssets];
    this.realRoots = this.roots.flatMap((r) => {
      try {
        return [realpathSync(r)];
      } catch {
        return [];
      }
    });
    this.assetDirs = [path.join(root, 'assets'), projectAssets];
  }

  /** Loads the image `src` as written in a file in `fileDir`. */
  load(src: string, fileDir: string): ImageLoad {
    const key = `${fileDir}\0${src}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.find(src, fileDir);
      this.cache.set(key, result);
    }
    return result;
  }

  private find(src: string, fileDir: string): ImageLoad {
    const given = src.trim();
    if (given === '') return { ok: false, problem: 'has no path' };
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(given)?.[1]?.toLowerCase();
    if (scheme && !/^[a-z]:[\\/]/i.test(given)) {
      const problem = scheme === 'http' || scheme === 'https'
        ? 'is a web address; imprint never downloads anything'
        : `is a ${scheme}: URL, not a file`;
      return { ok: false, problem, hint: 'save the image in assets/ and refer to it by a relative path' };
    }
    if (given.startsWith('//')) {
      return { ok: false, problem: 'is a web address; imprint never downloads anything', hint: 'save the image in assets/ and refer to it by a relative path' };
    }
    let decoded = given;
    try {
      decoded = decodeURIComponent(given);
    } catch {
      // A literal % in a file name.
    }
    if (decoded.includes('\0')) return { ok: false, problem: 'has a NUL character in its path' };
    if (path.isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded) || decoded.startsWith('\\')) {
      return { ok: false, problem: 'has an absolute path', hint: 'use a path relative to the manuscript, or put the image in assets/' };
    }
    if (decoded.includes('\\')) {
      return { ok: false, problem: 'has a backslash in its path', hint: 'separate folders with forward slashes (/)' };
    }

    const searched: string[] = [];
    let escaped = false;
    for (const dir of unique([fileDir, ...this.assetDirs])) {
      const abs = path.resolve(dir, decoded);
      if (!this.roots.some((r) => isInside(abs, r))) {
        escaped = true;
        continue;
      }
      searched.push(this.display(dir) || '.');
      try {
        lstatSync(abs);
      } catch {
        continue;
      }
      return this.readAt(abs);
    }
    if (escaped && searched.length === 0) {
      return { ok: false, problem: 'is outside the manuscript folder and assets/', hint: 'move the image into assets/' };
    }
    return { ok: false, problem: 'was not found', hint: `looked in ${searched.join(', ')}` };
  }

  private readAt(abs: string): ImageLoad {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return { ok: false, problem: 'is a broken symbolic link' };
    }
    if (!this.realRoots.some((r) => isInside(real, r))) {
      return { ok: false, problem: 'links to a file outside the manuscript folder and assets/', hint: 'copy the image into assets/' };
    }
    let data: Buffer;
    try {
      const st = statSync(real);
      if (!st.isFile()) return { ok: false, problem: 'is not a file' };
      if (st.size > MAX_IMAGE_BYTES) return { ok: false, problem: `is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB`, hint: 'scale it down' };
      data = readFileSync(real);
    } catch (err) {
      return { ok: false, problem: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    const info = imageInfo(data);
    if (!info.ok) return { ok: false, problem: info.problem, hint: info.hint };
    const id = 'img-' + createHash('sha256').update(data).digest('hex').slice(0, 10);
    let resource = this.byId.get(id);
    if (!resource) {
      resource = {
        id,
        fileName: `${id}.${EXTENSION[info.mediaType]}`,
        mediaType: info.mediaType,
        data,
        width: info.width,
        height: info.height,
        path: abs,
      };
      this.byId.set(id, resource);
      this.resources.push(resource);
    }
    return { ok: true, resource, note: info.note };
  }
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
