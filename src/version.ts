// The tool's name and version, read once from package.json so colophons,
// producer fields and `--version` never disagree with what was installed.

import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;
export const GENERATOR = `imprint ${VERSION}`;
