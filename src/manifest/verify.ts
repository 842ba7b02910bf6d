// Checking files against an archive manifest: every edition it lists must exist
// beside it with the recorded size and SHA-256.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../diagnostics.js';
import { sha256 } from './manifest.js';

export interface FileVerdict {
  /** The file name as the manifest lists it. */
  file: string;
  ok: boolean;
  detail: string;
}

interface ListedFile {
  file: string;
  bytes: number;
  sha256: string;
}

function listedEditions(json: unknown, manifest: string): ListedFile[] {
  const m = json as { manifest?: unknown; editions?: unknown };
  if (typeof m !== 'object' || m === null || typeof m.manifest !== 'string' || !m.manifest.startsWith('imprint-manifest/')) {
    throw new InputError('is not an imprint manifest (no "manifest": "imprint-manifest/1" key)', { file: manifest }, 'give the .manifest.json file imprint build wrote beside the editions');
  }
  if (!Array.isArray(m.editions)) throw new InputError('has no "editions" list', { file: manifest });
  return m.editions.map((e: unknown, i: number) => {
    const x = e as Partial<ListedFile>;
    if (typeof x?.file !== 'string' || typeof x.bytes !== 'number' || typeof x.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(x.sha256)) {
      throw new InputError(`edition ${i + 1} lacks a file name, size or SHA-256`, { file: manifest });
    }
    return { file: x.file, bytes: x.bytes, sha256: x.sha256 };
  });
}

export async function verifyManifest(manifest: string, cwd = process.cwd()): Promise<FileVerdict[]> {
  const abs = path.resolve(cwd, manifest);
  const text = await fs.readFile(abs, 'utf8').catch(() => {
    throw new InputError('cannot read the manifest: no such file', { file: manifest });
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`is not valid JSON: ${(err as Error).message}`, { file: manifest });
  }
  const dir = path.dirname(abs);
  const verdicts: FileVerdict[] = [];
  for (const e of listedEditions(json, manifest)) {
    const bytes = await fs.readFile(path.resolve(dir, e.file)).catch(() => undefined);
    if (!bytes) {
      verdicts.push({ file: e.file, ok: false, detail: 'missing: the manifest lists it, but there is no such file beside the manifest' });
      continue;
    }
    const problems: string[] = [];
    if (bytes.byteLength !== e.bytes) problems.push(`size ${bytes.byteLength} bytes, the manifest says ${e.bytes}`);
    const digest = sha256(bytes);
    if (digest !== e.sha256) problems.push(`SHA-256 ${digest.slice(0, 12)}…, the manifest says ${e.sha256.slice(0, 12)}…`);
    verdicts.push(
      problems.length > 0
        ? { file: e.file, ok: false, detail: `differs from the archived copy: ${problems.join('; ')}` }
        : { file: e.file, ok: true, detail: `${bytes.byteLength} bytes, SHA-256 matches` },
    );
  }
  return verdicts;
}
