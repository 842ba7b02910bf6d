// A last pass over every string in the finished book. Decoding already removed the
// characters XML forbids and normalised to NFC, but character references (`&#12;`,
// `e&#x301;`) and YAML escapes ("\x07") can bring them back after that.

import type { Book } from '../model/document.js';
import { stripForbiddenXmlChars } from './xml-chars.js';

export function scrubStrings(book: Book): void {
  const seen = new Set<object>();
  const stack: object[] = [book];
  while (stack.length > 0) {
    const obj = stack.pop()!;
    if (seen.has(obj)) continue;
    seen.add(obj);
    const record = obj as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      // File system paths are for reading files, not for printing; they stay as they are.
      if (key === 'path' || key === 'root') continue;
      if (typeof v === 'string') {
        const clean = stripForbiddenXmlChars(v);
        record[key] = /[^\x00-\x7f]/.test(clean) ? clean.normalize('NFC') : clean;
      } else if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v)) {
        stack.push(v);
      }
    }
  }
}
