// The tool's name and version, read once from package.json so colophons,
// producer fields and `--version` never disagree with what was installed.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;
export const GENERATOR = `imprint ${VERSION}`;
