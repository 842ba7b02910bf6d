// From the model's inlines to the typesetter's styled spans.
//
// Every span carries `source`: the block id and the index of the first word that
// starts in it, counted exactly as `splitWords(plainText(inlines))` counts (note
// markers and images add nothing, a hard break is whitespace), so the page starts
// the PDF reports can be found again in the EPUB.

import type { Inline } from '../../model/document.js';
import type { Span, TextStyle } from './typeset/types.js';

export interface SpanOptions {
  blockId: string;
  /** Size of inline code relative to the surrounding text. */
  codeScale?: number;
  /** Called for inline images, which the PDF sets as their alt text. */
  onInlineImage?: (alt: string) => void;
}

const WHITE = /\s/u;

/** Counts word starts the way `splitWords` does, across span boundaries. */
export class WordCounter {
  private started = 0;
  private inWord = false;

  /** Index of the first word starting at or after the current position. */
  get next(): number {
    return this.started;
  }

  /**
   * Index of the word holding the first non-space character of `text` if it were
   * fed next (the typesetter's reading of `Span.source.word`): a span that begins
   * in the middle of a word (`H` `₂` `O`) belongs to the word already started.
   */
  wordOf(text: string): number {
    const c = text.charCodeAt(0);
    const startsWithSpace = text.length === 0 || (c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITE.test(text[0]));
    return this.inWord && !startsWithSpace ? this.started - 1 : this.started;
  }

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // `\s` as splitWords means it: ASCII fast path, the regex for the rest.
      const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITE.test(text[i]);
      if (space) this.inWord = false;
      else if (!this.inWord) {
        this.inWord = true;
        this.started++;
      }
    }
  }

  /** A hard break separates words like whitespace does. */
  breakWord(): void {
    this.inWord = false;
  }

  get count(): number {
    return this.started;
  }
}

/**
 * Spans of a run of inlines, split at hard breaks: each segment is set as its own
 * paragraph piece (so the line before a break is not justified).
 */
export function inlineSpans(inlines: readonly Inline[], base: TextStyle, opts: SpanOptions, words = new WordCounter()): Span[][] {
  const segments: Span[][] = [[]];
  const codeScale = opts.codeScale ?? 0.9;

  const push = (text: string, style: TextStyle, link?: string) => {
    if (!text) return;
    const span: Span = { text, style, source: { blockId: opts.blockId, word: words.wordOf(text) } };
    if (link) span.link = link;
    words.feed(text);
    segments[segments.length - 1].push(span);
  };

  const walk = (nodes: readonly Inline[], style: TextStyle, link?: string) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          push(node.value, style, link);
          break;
        case 'code':
          push(node.value, { ...style, family: 'mono', size: round(style.size * codeScale) }, link);
          break;
        case 'emphasis':
          walk(node.children, { ...style, italic: !style.italic }, link);
          break;
        case 'strong':
          walk(node.children, { ...style, bold: true }, link);
          break;
        case 'strikethrough':
          walk(node.children, { ...style, strike: true }, link);
          break;
        case 'subscript':
          walk(node.children, { ...style, baselineShift: 'sub' }, link);
          break;
        case 'superscript':
          walk(node.children, { ...style, baselineShift: 'super' }, link);
          break;
        case 'abbr':
          walk(node.children, style, link);
          break;
        case 'link':
          walk(node.children, style, node.internal ? `#${node.internal}` : node.href);
          break;
        case 'break':
          words.breakWord();
          segments.push([]);
          break;
        case 'noteref':
          // The marker is not a word of the text: no source, and the counter does not see it.
          segments[segments.length - 1].push({
            text: String(node.number),
            style: { ...style, baselineShift: 'super', strike: false },
            noteRef: node.number,
            link: `#fn-${node.number}`,
          });
          break;
        case 'image':
          opts.onInlineImage?.(node.alt);
          if (node.alt) {
            segments[segments.length - 1].push({ text: `[${node.alt}]`, style: { ...style, italic: !style.italic } });
          }
          break;
      }
    }
  };
  walk(inlines, base);
  return segments.filter((s, i) => s.length > 0 || i === 0);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
