// PDF page sizes by name or as `WxH` with a unit, in PostScript points.

import type { PageSize } from '../model/document.js';

const MM = 72 / 25.4;

const NAMED: Record<string, [number, number]> = {
  A4: [210 * MM, 297 * MM],
  A5: [148 * MM, 210 * MM],
  B5: [176 * MM, 250 * MM],
  Letter: [612, 792],
  '6x9in': [432, 648],
};

const UNIT: Record<string, number> = { mm: MM, in: 72, pt: 1 };

/** Smallest and largest page edge accepted (1 in, and the PDF limit of 200 in). */
const MIN_PT = 72;
const MAX_PT = 14_400;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function parsePageSize(raw: string): PageSize | undefined {
  const given = raw.trim();
  for (const [name, [w, h]] of Object.entries(NAMED)) {
    if (name.toLowerCase() === given.toLowerCase()) return { name, width: round2(w), height: round2(h) };
  }
  const m = /^(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|in|pt)$/i.exec(given);
  if (!m) return undefined;
  const unit = m[3].toLowerCase();
  const width = round2(Number(m[1]) * UNIT[unit]);
  const height = round2(Number(m[2]) * UNIT[unit]);
  if (width < MIN_PT || height < MIN_PT || width > MAX_PT || height > MAX_PT) return undefined;
  return { name: `${m[1]}x${m[2]}${unit}`, width, height };
}

export function defaultPageSize(lang: string): PageSize {
  // US Letter where the language tag names the United States, A4 elsewhere.
  return parsePageSize(/-US(?:-|$)/i.test(lang) ? 'Letter' : 'A4')!;
}
