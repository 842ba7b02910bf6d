// Plain-text edition checks, the conventions Project Gutenberg and archives keep:
// UTF-8, LF line ends, lines no wider than the set width except where a single word
// (a long URL) cannot be broken.

import { promises as fs } from 'node:fs';
import { displayWidth } from '../editions/text/display-width.js';
import { fail, limitNotes, ok, type CheckResult } from './result.js';
import { firstInvalidUtf8, lineAt } from './utf8.js';

export function checkUtf8(bytes: Uint8Array): { result: CheckResult; text?: string } {
  const name = 'UTF-8';
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.startsWith('\uFEFF')) return { result: ok(name, 'valid UTF-8 (starts with a byte-order mark, which some tools print as junk)'), text };
    return { result: ok(name, 'valid UTF-8'), text };
  } catch {
    const good = firstInvalidUtf8(bytes);
    const line = lineAt(bytes, good);
    return { result: fail(name, `not valid UTF-8 (first bad byte at offset ${good}, line ${line}): readers would show garbage characters`) };
  }
}

export function checkLineEnds(text: string): CheckResult {
  const name = 'LF line ends';
  const lines = text.split('\n');
  const cr = lines.map((l, i) => (l.includes('\r') ? i + 1 : 0)).filter(Boolean);
  if (cr.length > 0) return fail(name, `${cr.length} line${cr.length === 1 ? '' : 's'} with a carriage return (first: line ${cr[0]}): the convention for plain-text editions is LF only`);
  if (text.length > 0 && !text.endsWith('\n')) return fail(name, 'the last line has no line end: some tools drop it');
  return ok(name, 'LF only, ending with a line end');
}

/**
 * Lines wider than `width` columns fail unless the overflow cannot be helped:
 * the line's longest word, with the line's indentation, is itself wider than
 * `width` (a long URL in the references, say), so no wrapping would fit it.
 */
export function checkWidth(text: string, width: number): CheckResult {
  const name = `lines ≤ ${width} columns`;
  const lines = text.replace(/\n$/, '').split('\n');
  let widest = 0;
  let widestLine = 0;
  const over: string[] = [];
  let unavoidable = 0;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const w = displayWidth(line);
    if (w > widest) (widest = w), (widestLine = i + 1);
    if (w <= width) return;
    const indent = displayWidth(/^\s*/u.exec(line)![0]);
    const longestWord = Math.max(...line.trim().split(/\s+/u).map((word) => displayWidth(word)));
    if (indent + longestWord > width) unavoidable++;
    else over.push(`line ${i + 1} (${w} columns): ${line.length > 90 ? line.slice(0, 87) + '…' : line}`);
  });
  if (over.length > 0) {
    return fail(name, `${over.length} line${over.length === 1 ? '' : 's'} wider than ${width} columns: readers on narrow screens and e-mail would see them broken`, limitNotes(over));
  }
  const note = unavoidable > 0 ? `; ${unavoidable} longer line${unavoidable === 1 ? '' : 's'} hold${unavoidable === 1 ? 's' : ''} a single word too long to wrap` : '';
  return ok(name, `widest line ${widest} columns (line ${widestLine})${note}`);
}

export async function checkText(file: string, width: number): Promise<CheckResult[]> {
  const bytes = await fs.readFile(file);
  const utf8 = checkUtf8(bytes);
  // Without valid UTF-8 there are no characters to measure; decode leniently for the rest.
  const text = utf8.text ?? new TextDecoder('utf-8').decode(bytes);
  return [utf8.result, checkLineEnds(text), checkWidth(text.replace(/^\uFEFF/, ''), width)];
}
