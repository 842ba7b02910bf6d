// The book's unique identifier: an ISBN (checked), a URN as given, or a name-based
// UUID derived from what identifies the work, so rebuilding never mints a new id
// (reading systems file a book with a new id as a different book).

import { createHash } from 'node:crypto';
import type { Identifier } from '../model/document.js';

export type IdentifierResult = { ok: true; identifier: Identifier } | { ok: false; problem: string };

export function parseIdentifier(raw: string): IdentifierResult {
  const given = raw.trim();
  const isbnish = given
    .replace(/^urn:isbn:/i, '')
    .replace(/^isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '');
  if (/^\d{9}[\dXx]$/.test(isbnish) || /^\d{13}$/.test(isbnish)) {
    const digits = isbnish.toUpperCase();
    const expected = digits.length === 10 ? isbn10Check(digits) : isbn13Check(digits);
    if (expected !== digits[digits.length - 1]) {
      return { ok: false, problem: `is not a valid ISBN: its check digit should be ${expected}, got "${raw}"` };
    }
    return { ok: true, identifier: { scheme: 'isbn', value: digits } };
  }
  if (/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(given)) {
    return { ok: true, identifier: { scheme: 'uuid', value: given.toLowerCase() } };
  }
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(given)) {
    return { ok: true, identifier: { scheme: 'urn', value: given } };
  }
  return { ok: false, problem: `must be an ISBN-10, an ISBN-13 or a URN (urn:…), got "${raw}"` };
}

function isbn10Check(d: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(d[i]);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

function isbn13Check(d: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(d[i]);
  return String((10 - (sum % 10)) % 10);
}

// RFC 4122 URL namespace; the name below says what the UUID stands for.
const NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** Name-based (SHA-1, version 5) UUID of the work: same title, authors and date → same id. */
export function derivedIdentifier(title: string, authors: readonly string[], date: string | undefined): Identifier {
  const name = ['imprint:book', title, authors.join('\n'), date ?? ''].join('\n\n');
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return { scheme: 'uuid', value: `urn:uuid:${uuid}` };
}
