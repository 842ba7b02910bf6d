// The book's identifier as a reader sees it on a title block or colophon, the same
// in every edition (see labels.ts for why this lives beside the editions).

import type { Identifier } from '../../model/document.js';

/** An ISBN introduced as one (`ISBN 9783161484100`); a URN or UUID as it stands. */
export function displayIdentifier(id: Identifier): string {
  return id.scheme === 'isbn' ? `ISBN ${id.value.replace(/^urn:isbn:/i, '')}` : id.value;
}
