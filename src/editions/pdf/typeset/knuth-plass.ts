// Knuth & Plass, "Breaking paragraphs into lines" (1981): total-fit line breaking over
// boxes, glue and penalties, with TeX's demerits (line penalty, fitness classes,
// consecutive flagged breaks, a hyphen on the penultimate line) plus a demerit for a
// very short last line.

import { BOX, Brk, GLUE, INF, type Items, PENALTY } from './items.js';
import type { LineWidths } from './line-widths.js';

export interface BreakParams {
  /** Largest adjustment ratio a line may have (r = 1: spaces stretched by their full stretch). */
  tolerance: number;
  /** Consider hyphenation penalties (TeX's second pass). */
  hyphenate: boolean;
  /** Last pass: accept any underfull line, and an overfull one when nothing else fits. */
  emergency: boolean;
  /** Most consecutive lines ending in flagged breaks (hyphens); more only in an emergency. */
  maxLadder: number;
  /** Stretch every line gets at its end (ragged setting: TeX's \rightskip plus …). */
  lineStretch: number;
  linePenalty: number;
  /** Two consecutive lines ending in flagged breaks (TeX's \doublehyphendemerits). */
  doubleHyphenDemerits: number;
  /** The penultimate line ends with a flagged break (\finalhyphendemerits). */
  finalHyphenDemerits: number;
  /** Adjacent lines whose fitness classes differ by more than one (\adjdemerits). */
  adjDemerits: number;
  /** The last line is shorter than `runtFraction` of its measure. */
  runtDemerits: number;
  runtFraction: number;
}

export const TEX_PARAMS: Omit<BreakParams, 'tolerance' | 'hyphenate' | 'emergency' | 'lineStretch'> = {
  maxLadder: 2,
  linePenalty: 10,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  adjDemerits: 10000,
  runtDemerits: 5000,
  runtFraction: 0.12,
};

class Node {
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly fitness: number,
    readonly w: number,
    readonly y: number,
    readonly z: number,
    readonly demerits: number,
    readonly flagged: boolean,
    /** Consecutive flagged breaks ending here. */
    readonly ladder: number,
    readonly prev: Node | null,
    /** Width of the line that starts here, and the line class of the one after it. */
    readonly lw: number,
    readonly nextClass: number,
  ) {}
}

function fitnessClass(r: number): number {
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/**
 * Item indexes where the lines end (the last is the paragraph's final penalty), or null
 * when no set of breaks meets the tolerance (never in an emergency pass).
 */
export function knuthPlass(items: Items, widths: LineWidths, p: BreakParams): number[] | null {
  const n = items.length;
  const { type, width, stretch, shrink, penalty, flagged, hyphen, kind } = items;
  const node = (pos: number, line: number, fitness: number, w: number, y: number, z: number, d: number, f: boolean, ladder: number, prev: Node | null) =>
    new Node(pos, line, fitness, w, y, z, d, f, ladder, prev, widths.at(line), widths.lineClass(line + 1));
  const active: Node[] = [node(-1, 0, 1, 0, 0, 0, 0, false, 0, null)];
  let W = 0;
  let Y = 0;
  let Z = 0;
  // Best candidate per (line class, fitness class, ladder length) while trying one breakpoint:
  // nodes that differ in any of these cannot stand in for each other.
  const classes = (widths.easy + 1) * 12;
  const bestD = new Float64Array(classes).fill(Infinity);
  const bestNode: (Node | null)[] = new Array(classes).fill(null);
  const last = n - 1;

  for (let b = 0; b < n; b++) {
    const t = type[b];
    if (t === BOX) {
      W += width[b];
      Y += stretch[b];
      Z += shrink[b];
      continue;
    }
    let pv = 0;
    if (t === GLUE) {
      if (b === 0 || type[b - 1] !== BOX) {
        W += width[b];
        Y += stretch[b];
        Z += shrink[b];
        continue;
      }
    } else {
      pv = penalty[b];
      if (pv >= INF || (!p.hyphenate && hyphen[b] === 1)) continue;
      // Breaking a word between any two characters is for the emergency pass only.
      if (kind[b] === Brk.Char && !p.emergency) continue;
    }

    // Try a break at b from every active node.
    const forced = pv <= -INF;
    const pw = t === PENALTY ? width[b] : 0;
    const isFlagged = t === PENALTY && flagged[b] === 1;
    let found = false;
    let keep = 0;
    let lastDropped: Node | null = null;
    for (let k = 0; k < active.length; k++) {
      const a = active[k];
      const lw = a.lw;
      const L = W - a.w + pw;
      let r: number;
      if (L < lw) {
        const st = Y - a.y + p.lineStretch;
        r = st > 0 ? (lw - L) / st : Infinity;
      } else if (L > lw) {
        const sh = Z - a.z;
        r = sh > 0 ? (lw - L) / sh : -Infinity;
      } else r = 0;

      if (r < -1 || forced) lastDropped = a;
      else active[keep++] = a;

      if (r < -1 || (r > p.tolerance && !p.emergency)) continue;
      const bad = r === Infinity ? 10000 : Math.min(10000, 100 * Math.abs(r * r * r));
      let d = p.linePenalty + bad;
      d *= d;
      if (pv > 0) d += pv * pv;
      else if (pv > -INF) d -= pv * pv;
      const ladder = isFlagged ? a.ladder + 1 : 0;
      if (ladder > p.maxLadder) {
        // Even in an emergency a third hyphen in a row costs more than a line that
        // cannot stretch at all ((10 + 10000)² ≈ 1e8).
        if (!p.emergency) continue;
        d += 1e9;
      }
      if (isFlagged && a.flagged) d += p.doubleHyphenDemerits;
      if (b === last) {
        if (a.flagged) d += p.finalHyphenDemerits;
        if (L < lw * p.runtFraction && a.pos >= 0) d += p.runtDemerits;
      }
      const c = fitnessClass(r);
      if (Math.abs(c - a.fitness) > 1) d += p.adjDemerits;
      d += a.demerits;
      const slot = (a.nextClass * 4 + c) * 3 + (ladder > 2 ? 2 : ladder);
      if (d < bestD[slot]) {
        bestD[slot] = d;
        bestNode[slot] = a;
        found = true;
      }
    }
    active.length = keep;

    if (!found && keep === 0 && lastDropped) {
      if (!p.emergency) return null;
      // Nothing fits, not even broken between characters (a glyph wider than the
      // measure): accept the overfull line rather than fail.
      const slot = (lastDropped.nextClass * 4 + 1) * 3 + (isFlagged ? 1 : 0);
      bestD[slot] = lastDropped.demerits + 1e9;
      bestNode[slot] = lastDropped;
      found = true;
    }

    if (found) {
      // Totals after the break: glue and penalties that start the next line are dropped.
      let tw = W;
      let ty = Y;
      let tz = Z;
      for (let i = b; i < n; i++) {
        const ti = type[i];
        if (ti === BOX) break;
        if (ti === GLUE) {
          tw += width[i];
          ty += stretch[i];
          tz += shrink[i];
        } else if (penalty[i] <= -INF && i > b) break;
      }
      let minD = Infinity;
      for (let s = 0; s < classes; s++) if (bestD[s] < minD) minD = bestD[s];
      const limit = minD + p.adjDemerits;
      for (let s = 0; s < classes; s++) {
        const d = bestD[s];
        if (d === Infinity) continue;
        bestD[s] = Infinity;
        if (d <= limit) {
          const a = bestNode[s]!;
          active.push(node(b, a.line + 1, Math.floor(s / 3) & 3, tw, ty, tz, d, isFlagged, isFlagged ? a.ladder + 1 : 0, a));
        }
      }
    }
    if (active.length === 0) return null;

    if (t === GLUE) {
      W += width[b];
      Y += stretch[b];
      Z += shrink[b];
    }
  }

  let best: Node | null = null;
  for (const a of active) if (a.pos === last && (!best || a.demerits < best.demerits)) best = a;
  if (!best) return null;
  const breaks: number[] = [];
  for (let a: Node | null = best; a && a.pos >= 0; a = a.prev) breaks.push(a.pos);
  return breaks.reverse();
}

/**
 * First fit, as pdfkit's wrapper does: fill each line with as many words as fit at
 * natural width. Breaks inside words only when a word alone does not fit (and then
 * prefers any other break to one between characters).
 */
export function firstFit(items: Items, widths: LineWidths, continuationIndent = 0): number[] {
  const n = items.length;
  const { type, width, penalty, kind } = items;
  // Width of items [0, i) (boxes and glue).
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + (type[i] === PENALTY ? 0 : width[i]);
  const breaks: number[] = [];
  let start = 0;
  let line = 0;
  let fit = -1;
  let fitChar = -1;
  /** The line continues one broken for want of room (code): it is indented. */
  let continued = false;
  for (let b = 0; b < n; b++) {
    if (!items.legalBreak(b)) continue;
    if (type[b] === PENALTY && items.hyphen[b] === 1) continue;
    const L = cum[b] - cum[start] + (type[b] === PENALTY ? width[b] : 0);
    const lw = widths.at(line) - (continued ? continuationIndent : 0);
    if (L <= lw + 1e-9) {
      if (penalty[b] <= -INF) {
        breaks.push(b);
        start = items.nextLineStart(b);
        line++;
        continued = false;
        fit = fitChar = -1;
      } else if (kind[b] === Brk.Char) fitChar = b;
      else fit = b;
      continue;
    }
    const at = fit >= 0 ? fit : fitChar >= 0 ? fitChar : b;
    breaks.push(at);
    start = items.nextLineStart(at);
    line++;
    continued = penalty[at] > -INF || type[at] !== PENALTY;
    fit = fitChar = -1;
    if (at !== b) b = at; // look again at everything after the new line start
  }
  if (breaks[breaks.length - 1] !== n - 1) breaks.push(n - 1);
  return breaks;
}
