// Throw-away imprint projects in a temporary folder, for tests that run the CLI
// on manuscripts written on the spot.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { imprint, type CliResult } from './cli.js';
import { tmpDir } from './tools.js';

/** A temporary folder with the given subfolders, and files written into it by relative path. */
export class TempTree {
  readonly dir: string;

  constructor(prefix: string, folders: string[], files: Record<string, string | Uint8Array>) {
    this.dir = tmpDir(prefix);
    for (const f of folders) mkdirSync(path.join(this.dir, f));
    for (const [name, content] of Object.entries(files)) this.write(name, content);
  }

  write(name: string, content: string | Uint8Array): string {
    const p = path.join(this.dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  }
}

export class Project extends TempTree {
  constructor(files: Record<string, string | Uint8Array> = {}) {
    super('imprint-project-', ['manuscript', 'assets'], files);
  }

  build(args: string[] = [], env?: NodeJS.ProcessEnv): CliResult {
    return imprint(['build', ...args], { cwd: this.dir, env });
  }

  /** Files in dist/, sorted; [] when it does not exist. */
  outputs(dir = 'dist'): string[] {
    try {
      return readdirSync(path.join(this.dir, dir)).sort();
    } catch {
      return [];
    }
  }

  read(name: string): Buffer {
    return readFileSync(path.join(this.dir, name));
  }

  text(name: string): string {
    return readFileSync(path.join(this.dir, name), 'utf8');
  }
}

/** A manuscript file: front matter lines, then the body. */
export function manuscript(frontMatter: string, body: string): string {
  return `---\n${frontMatter}\n---\n\n${body}`;
}
