// The archive manifest written beside the editions (`dist/<slug>.manifest.json`):
// what was built, from what, by which tool, with a SHA-256 for every file, so an
// archive can prove years later that its copies are the ones the build produced.
//
// The JSON is written by hand-ordered objects, never by iterating over whatever
// object the caller passed, so the same book always gives the same bytes.

import { createHash } from 'node:crypto';
import { MEDIA_TYPES, type Format } from '../editions/edition.js';
import type { Book } from '../model/document.js';

/** Names the layout of the file, for readers of old manifests. */
export const MANIFEST_FORMAT = 'imprint-manifest/1';

export interface ManifestEditionInput {
  format: Format;
  /** File name inside the output folder, e.g. `article.epub`. */
  fileName: string;
  bytes: Uint8Array;
}

export interface ManifestEdition {
  format: Format;
  file: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  manifest: string;
  generator: { name: string; version: string };
  book: {
    title: string;
    subtitle: string | null;
    authors: string[];
    date: string;
    lang: string;
    identifier: { scheme: string; value: string };
    publisher: string | null;
    rights: string | null;
    slug: string;
  };
  buildDate: string;
  editions: ManifestEdition[];
  sources: { file: string; sha256: string }[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `imprint 0.1.0` → name `imprint`, version `0.1.0`. */
function splitGenerator(generator: string): { name: string; version: string } {
  const at = generator.lastIndexOf(' ');
  return at < 0 ? { name: generator, version: '' } : { name: generator.slice(0, at), version: generator.slice(at + 1) };
}

/** Forward slashes, so a manifest written on Windows reads the same everywhere. */
function portable(file: string): string {
  return file.replace(/\\/g, '/');
}

export function manifestOf(book: Book, editions: readonly ManifestEditionInput[], generator: string): Manifest {
  const m = book.meta;
  const { name, version } = splitGenerator(generator);
  return {
    manifest: MANIFEST_FORMAT,
    generator: { name, version },
    book: {
      title: m.title,
      subtitle: m.subtitle ?? null,
      authors: [...m.authors],
      date: m.date,
      lang: m.lang,
      identifier: { scheme: m.identifier.scheme, value: m.identifier.value },
      publisher: m.publisher ?? null,
      rights: m.rights ?? null,
      slug: m.slug,
    },
    buildDate: m.buildDate.toISOString(),
    editions: editions.map((e) => ({
      format: e.format,
      file: portable(e.fileName),
      mediaType: MEDIA_TYPES[e.format],
      bytes: e.bytes.byteLength,
      sha256: sha256(e.bytes),
    })),
    sources: book.sources.map((s) => ({ file: portable(s.file), sha256: s.sha256 })),
  };
}

/**
 * The manifest as stable JSON: 2-space indent, keys in the order of `Manifest`
 * above, a final newline. Absent optional metadata is `null`, so every manifest
 * has the same keys.
 */
export function buildManifest(book: Book, editions: readonly ManifestEditionInput[], generator: string): string {
  return JSON.stringify(manifestOf(book, editions, generator), null, 2) + '\n';
}
