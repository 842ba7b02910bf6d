// Shaping by face key, shared by measurement and drawing so that both see exactly the
// same glyphs: right-to-left text is mirrored first, and the replacement pseudo-face
// gives one U+FFFD box per code point.

import { mirrored } from './bidi.js';
import { face, isFaceKey, REPLACEMENT, replacementFace, type Face } from './faces.js';
import type { Shaped } from './shaping.js';
import type { Segment } from './paragraph.js';

const replacementCache = new Map<string, Shaped>();

function replacementShaped(text: string): Shaped {
  let s = replacementCache.get(text);
  if (s) return s;
  const box = replacementFace().shaper.shape('\ufffd');
  const g = box.glyphs[0];
  const a = box.adv[0] ?? box.width;
  const cps = Array.from(text);
  const cum = new Float64Array(text.length + 1);
  let at = 0;
  for (let k = 0; k < cps.length; k++) {
    const u = cps[k].length;
    cum[at + 1] = k * a + a / u;
    if (u === 2) cum[at + 2] = (k + 1) * a;
    at += u;
  }
  s = {
    width: cps.length * a,
    glyphs: cps.map(() => g),
    adv: new Float64Array(cps.length).fill(a),
    rtl: false,
    cum,
  };
  replacementCache.set(text, s);
  return s;
}

/** The face behind a run's font key; null for the replacement pseudo-face. */
export function faceForKey(key: string): Face | null {
  if (key === REPLACEMENT) return null;
  if (!isFaceKey(key)) throw new Error(`unknown font key ${key}`);
  return face(key);
}

/** Shape one word (no spaces) of a run in the face `key`; `rtl` mirrors brackets first. */
export function shapeWord(key: string, text: string, rtl: boolean): Shaped {
  const t = rtl ? mirrored(text) : text;
  if (key === REPLACEMENT) return replacementShaped(t);
  return faceForKey(key)!.shaper.shape(t);
}

/** Natural width in em of a space-like character in a face. */
export function spaceWidthFor(key: string, cp: number): number {
  if (key === REPLACEMENT) return face('serif-regular').spaceWidth(cp === 0x3000 ? 0x20 : cp) * (cp === 0x3000 ? 4 : 1);
  return faceForKey(key)!.spaceWidth(cp);
}

/** Shape text of a segment (its face, its direction). */
export function shapeInSegment(seg: Segment, text: string): Shaped {
  if (seg.face && (seg.level & 1) === 0) return seg.face.shaper.shape(text);
  return shapeWord(seg.key, text, (seg.level & 1) === 1);
}

/** Natural width in points of a space character set in a segment. */
export function segmentSpace(seg: Segment, cp: number): number {
  return (seg.face ? seg.face.spaceWidth(cp) : spaceWidthFor(seg.key, cp)) * seg.size;
}
