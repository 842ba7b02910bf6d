// Shared checks on a text edition: the width promise and the file-format promises.

import type { Block, Book } from '../../src/model/document.js';
import { displayWidth } from '../../src/editions/text/display-width.js';

/** Every code line of the book (trimmed), notes included: those may exceed the width. */
export function codeLines(book: Book): Set<string> {
  const out = new Set<string>();
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'code') for (const line of b.value.split('\n')) out.add(line.replace(/\t/g, '    ').trim());
      if (b.type === 'blockquote') walk(b.children);
      if (b.type === 'list') for (const item of b.items) walk(item.children);
    }
  };
  for (const ch of book.chapters) walk(ch.blocks);
  for (const note of book.notes) walk(note.children);
  return out;
}

/** Line prefixes the layout adds: quote marks, indents, list marks, note and link labels. */
const PREFIX = /^(?:>|\s|\[\d+\]|<\d+>|[-*] |\d+\. |\[[x ]\] )*/;

/** Lines wider than `width` that are neither one unbreakable word (after their prefix) nor code. */
export function overlongLines(text: string, width: number, code: Set<string>): string[] {
  return text.split('\n').filter((line) => {
    if (displayWidth(line) <= width) return false;
    if (code.has(line.trim())) return false;
    const rest = line.replace(PREFIX, '');
    return /\s/.test(rest);
  });
}

/** Problems with the file format: CR, trailing whitespace, tabs, control characters, ending. */
export function formatProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.includes('\r')) problems.push('contains CR');
  if (!text.endsWith('\n') || text.endsWith('\n\n')) problems.push('does not end with exactly one newline');
  if (text.startsWith('\n')) problems.push('starts with a blank line');
  text.split('\n').forEach((line, i) => {
    if (/\s$/.test(line)) problems.push(`line ${i + 1} has trailing whitespace: ${JSON.stringify(line)}`);
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(line)) problems.push(`line ${i + 1} has a control character`);
  });
  return problems;
}
