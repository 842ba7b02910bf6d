// Editions are staged in temporary files beside their targets and renamed into
// place only when every requested edition has been rendered, so a failed build
// leaves the previous editions byte-identical and no partial files behind.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface StagedFile {
  target: string;
  temp: string;
}

export class Staging {
  private readonly staged: StagedFile[] = [];

  async stage(target: string, bytes: Uint8Array | string): Promise<void> {
    // The temporary name only has to be unique among concurrent builds; it never
    // reaches any output, so a random suffix does not harm determinism.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.staged.push({ target, temp });
    await fs.writeFile(temp, bytes);
  }

  /** Renames every staged file into place. */
  async commit(): Promise<void> {
    for (const { temp, target } of this.staged) await fs.rename(temp, target);
    this.staged.length = 0;
  }

  /** Removes every staged file; safe to call after a failure at any point. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temp }) => fs.rm(temp, { force: true })));
    this.staged.length = 0;
  }
}
