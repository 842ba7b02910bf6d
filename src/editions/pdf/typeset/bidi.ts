// Unicode bidirectional algorithm (UAX #9) through bidi-js: embedding levels for a
// paragraph, visual reordering of a line's pieces (rule L2) and mirrored glyphs (L4).

import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

const require = createRequire(import.meta.url);
let bidi: Bidi | undefined;

function engine(): Bidi {
  bidi ??= (require('bidi-js') as () => Bidi)();
  return bidi;
}

/** Embedding level of every UTF-16 unit of `text`, and the paragraph's base level. */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl' | 'auto'): { levels: Uint8Array; base: number } {
  const r = engine().getEmbeddingLevels(text, direction);
  const base = r.paragraphs.length ? r.paragraphs[0].level : direction === 'rtl' ? 1 : 0;
  return { levels: r.levels, base };
}

/**
 * Reorders items (already in logical order, each with one level) into visual order:
 * from the highest level down to the lowest odd one, reverse every maximal sequence at
 * that level or above.
 */
export function reorderVisually<T>(items: T[], level: (item: T) => number): T[] {
  let max = 0;
  let minOdd = 255;
  for (const it of items) {
    const l = level(it);
    if (l > max) max = l;
    if (l & 1 && l < minOdd) minOdd = l;
  }
  if (max === 0) return items;
  const out = items.slice();
  for (let lv = max; lv >= minOdd; lv--) {
    let i = 0;
    while (i < out.length) {
      if (level(out[i]) >= lv) {
        let j = i;
        while (j < out.length && level(out[j]) >= lv) j++;
        for (let a = i, b = j - 1; a < b; a++, b--) {
          const t = out[a];
          out[a] = out[b];
          out[b] = t;
        }
        i = j;
      } else i++;
    }
  }
  return out;
}

const mirrorCache = new Map<string, string>();

/** The text with bracket-like characters mirrored, as drawn at an odd (RTL) level. */
export function mirrored(text: string): string {
  let m = mirrorCache.get(text);
  if (m === undefined) {
    const e = engine();
    m = '';
    for (const ch of text) m += e.getMirroredCharacter(ch) ?? ch;
    mirrorCache.set(text, m);
  }
  return m;
}
