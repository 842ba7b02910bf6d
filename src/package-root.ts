// imprint's own folder: the nearest ancestor of this module that holds a package.json.
// Found by walking up rather than by a fixed '../..' because the same code runs from
// lib/<area>/ (compiled modules, as the tests import them) and from lib/bundle/ (the
// bundled CLI).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

export const PACKAGE_ROOT: string = findRoot(path.dirname(fileURLToPath(import.meta.url)));
