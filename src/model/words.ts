// The one definition of "word" that every edition shares, so that the PDF's page
// starts can be found again in the EPUB: a maximal run of non-whitespace in the
// plain text of a block's inlines, in reading order. Note markers and images count
// for nothing; a hard break counts as whitespace.

import type { Inline } from './document.js';

/** Plain text of inlines as a reader would see it (no note markers, alt text omitted). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'noteref':
      case 'image':
        break;
      default:
        out += plainText(node.children);
    }
  }
  return out;
}

export function splitWords(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w.length > 0);
}

export function countWords(inlines: readonly Inline[]): number {
  return splitWords(plainText(inlines)).length;
}
