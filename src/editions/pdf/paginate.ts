// Page breaking of the vertical list, with footnotes.
//
// Greedy, like TeX's page builder: fill a page box by box; when the next box does
// not fit, end the page at the last place a break is allowed (so headings stay with
// what follows and paragraphs never leave a single line behind or ahead), falling
// back to the last box that fits only when no allowed break exists on the page.
// Of two allowed breaks a line or two apart, the one that does not split a
// hyphenated word across the page turn wins. The bottom is ragged, not stretched.
//
// Footnotes: a box that cites note N brings N to the foot of the same page. Notes
// are complete, except the last on a page: when it does not fit whole, it takes
// all the room the body leaves (its first two lines at least, or the box moves on)
// and the body stops at the next allowed break once that room is no more than half
// the page; the rest of the note continues at the foot of the next page, before
// that page's own notes, and never as a single line. A note cited again on a later
// page is set again at that page's foot.

import type { FlowBox } from './flow.js';

export interface PlacedBox {
  box: FlowBox;
  /** Top of the box, from the top of the text block. */
  y: number;
  /** Drawn again as a repeated header (artifact), not part of the flow. */
  repeated?: boolean;
}

export interface NotePiece {
  note: number;
  /** Identifies one setting of a note (a note cited on several pages is set on each). */
  occurrence: string;
  /** True for the piece that starts the note (carries its number). */
  start: boolean;
  /** Boxes of this piece, placed from the top of the text block. */
  boxes: PlacedBox[];
}

export interface BodyPage {
  boxes: PlacedBox[];
  notes: NotePiece[];
  /** Where the footnote rule sits (from the top of the text block), when there are notes. */
  noteRuleY?: number;
  /** A blank page inserted so a chapter opens on a recto. */
  blank: boolean;
}

export interface NoteSpacing {
  /** Space from the last body line to the rule plus from the rule to the first note. */
  separator: number;
  /** Space between two notes. */
  gap: number;
  /** Distance of the rule above the first note. */
  ruleAbove: number;
  /** Largest share of the page a note being split may take while the body could still end the page. */
  maxShare: number;
}

interface OpenNote {
  note: number;
  occurrence: string;
  start: boolean;
  boxes: FlowBox[];
}

export interface PaginateInput {
  boxes: FlowBox[];
  /** Composed note bodies by number. */
  notes: Map<number, FlowBox[]>;
  height: number;
  spacing: NoteSpacing;
  /** Whether page `n` (1-based, within the body) is a recto. */
  isRecto: (n: number) => boolean;
}

const sum = (bs: readonly FlowBox[]) => bs.reduce((h, b) => h + b.height, 0);

/** Height of a note's boxes stacked, with the space between its paragraphs. */
const stack = (bs: readonly FlowBox[]) => bs.reduce((h, b, k) => h + b.height + (k > 0 ? b.spaceBefore : 0), 0);

/** What must stay with the citing line: a note's first two lines, or all of a short one. */
const leastPart = (bs: readonly FlowBox[]) => (bs.length > 3 ? stack(bs.slice(0, 2)) : stack(bs));

export function paginate(input: PaginateInput): BodyPage[] {
  const { boxes, notes, height, spacing } = input;
  const pages: BodyPage[] = [];
  let carried: OpenNote[] = [];
  let i = 0;
  const n = boxes.length;

  /** Height of the foot with every note complete, or with the last one cut to its first lines. */
  const footHeight = (list: OpenNote[], lastPartial: boolean): number => {
    if (list.length === 0) return 0;
    let h = spacing.separator + spacing.gap * (list.length - 1);
    list.forEach((note, k) => {
      h += k === list.length - 1 && lastPartial ? leastPart(note.boxes) : stack(note.boxes);
    });
    return h;
  };
  // A note being split never takes more than this much of the page once the page
  // can end: the body keeps at least the rest.
  const noteCap = height * spacing.maxShare;

  while (i < n || carried.length > 0) {
    const pageNo = pages.length + 1;
    const next = i < n ? boxes[i] : undefined;
    // Carried notes go out before a forced break (or at the very end) on pages of their own.
    if (carried.length > 0 && (!next || next.forceBreak)) {
      pages.push(notesOnlyPage(carried, height, spacing));
      carried = carriedAfter(pages[pages.length - 1], carried);
      continue;
    }
    if (next?.forceBreak === 'recto' && !input.isRecto(pageNo) && pages.length > 0) {
      pages.push({ boxes: [], notes: [], blank: true });
      continue;
    }

    const s = i;
    let y = 0;
    let onPage: OpenNote[] = carried.map((c) => ({ ...c }));
    const cited = new Set(onPage.map((c) => c.note));
    let lastBreak = -1;
    // The last break that does not split a hyphenated word across the page turn.
    let lastClean = -1;
    let j = s;
    let forced = false;
    let capped = false;
    // Set once the last note on the page no longer fits whole: it gets the room
    // the body leaves, and the body stops at the next break where that room ≤ cap.
    let splitting = false;
    for (; j < n; j++) {
      const b = boxes[j];
      if (j > s && b.forceBreak) {
        forced = true;
        break;
      }
      const h = (j === s ? (b.repeat ? sum(b.repeat) : 0) : b.spaceBefore) + b.height;
      const fresh: OpenNote[] = [];
      for (const ref of b.noteRefs) {
        if (cited.has(ref) || fresh.some((f) => f.note === ref)) continue;
        fresh.push({ note: ref, occurrence: `${ref}@${pageNo}`, start: true, boxes: notes.get(ref) ?? [] });
      }
      const candidate = fresh.length > 0 ? [...onPage, ...fresh] : onPage;
      const last = candidate[candidate.length - 1];
      const whole = y + h + footHeight(candidate, false) <= height + 0.01;
      if (!whole) {
        // Only the note just cited, one already being split, or a note carried over
        // that does not fit whole even beside the first line, may continue overleaf.
        const splittable: boolean = last !== undefined && (fresh.length > 0 ? fresh.includes(last) : splitting || (!last.start && j === s));
        const least = y + h + footHeight(candidate, true) <= height + 0.01;
        if (!(splittable && least) && j > s) break;
        splitting = splittable && least;
      }
      y += h;
      onPage = candidate;
      for (const f of fresh) cited.add(f.note);
      if (b.breakAfter) {
        lastBreak = j;
        if (!b.hyphenated) lastClean = j;
        if (splitting && height - y - footHeight(onPage.slice(0, -1), false) <= noteCap) {
          capped = true;
          j++;
          break;
        }
      }
    }
    let end: number;
    if (j >= n || forced || capped) end = j - 1;
    else if (lastBreak >= s) end = lastClean >= s && lastBreak - lastClean <= 2 ? lastClean : lastBreak;
    else end = Math.max(j - 1, s);

    const page = buildPage(boxes, s, end, carried, notes, pageNo, height, spacing);
    pages.push(page);
    carried = carriedAfter(page, [...carried, ...freshNotes(boxes, s, end, carried, notes, pageNo)]);
    i = end + 1;
  }
  return pages;
}

function freshNotes(boxes: FlowBox[], s: number, end: number, carried: OpenNote[], notes: Map<number, FlowBox[]>, pageNo: number): OpenNote[] {
  const seen = new Set(carried.map((c) => c.note));
  const out: OpenNote[] = [];
  for (let k = s; k <= end; k++) {
    for (const ref of boxes[k].noteRefs) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      out.push({ note: ref, occurrence: `${ref}@${pageNo}`, start: true, boxes: notes.get(ref) ?? [] });
    }
  }
  return out;
}

function buildPage(boxes: FlowBox[], s: number, end: number, carried: OpenNote[], notes: Map<number, FlowBox[]>, pageNo: number, height: number, spacing: NoteSpacing): BodyPage {
  const placed: PlacedBox[] = [];
  let y = 0;
  const first = boxes[s];
  if (first.repeat) {
    for (const r of first.repeat) {
      placed.push({ box: r, y, repeated: true });
      y += r.height;
    }
  }
  for (let k = s; k <= end; k++) {
    const b = boxes[k];
    if (k > s) y += b.spaceBefore;
    placed.push({ box: b, y });
    y += b.height;
  }
  const list = [...carried, ...freshNotes(boxes, s, end, carried, notes, pageNo)];
  const page: BodyPage = { boxes: placed, notes: [], blank: false };
  placeNotes(page, list, height - y, height, spacing);
  return page;
}

function notesOnlyPage(carried: OpenNote[], height: number, spacing: NoteSpacing): BodyPage {
  const page: BodyPage = { boxes: [], notes: [], blank: false };
  placeNotes(page, carried, height, height, spacing);
  return page;
}

/** Fills the foot of the page with notes in order, as far as they fit; bottom-aligned. */
function placeNotes(page: BodyPage, list: OpenNote[], room: number, height: number, spacing: NoteSpacing): void {
  if (list.length === 0) return;
  let used = spacing.separator;
  const pieces: Array<{ note: OpenNote; boxes: FlowBox[] }> = [];
  for (const note of list) {
    const gap = pieces.length > 0 ? spacing.gap : 0;
    const taken: FlowBox[] = [];
    let h = used + gap;
    for (const b of note.boxes) {
      const space = taken.length > 0 ? b.spaceBefore : 0;
      if (h + space + b.height > room + 0.01 && (taken.length > 0 || pieces.length > 0)) break;
      taken.push(b);
      h += space + b.height;
    }
    // Never leave a single line of a note to continue alone overleaf.
    if (taken.length === note.boxes.length - 1 && taken.length > 2) {
      const b = taken.pop()!;
      h -= b.height + b.spaceBefore;
    }
    if (taken.length === 0) break;
    pieces.push({ note, boxes: taken });
    used = h;
    if (taken.length < note.boxes.length) break;
  }
  let y = height - used + spacing.separator;
  page.noteRuleY = y - spacing.ruleAbove;
  pieces.forEach((p, k) => {
    if (k > 0) y += spacing.gap;
    const placed: PlacedBox[] = [];
    p.boxes.forEach((b, i) => {
      if (i > 0) y += b.spaceBefore;
      placed.push({ box: b, y });
      y += b.height;
    });
    page.notes.push({ note: p.note.note, occurrence: p.note.occurrence, start: p.note.start, boxes: placed });
  });
}

/** What remains of the notes after a page has taken its share. */
function carriedAfter(page: BodyPage, list: OpenNote[]): OpenNote[] {
  const out: OpenNote[] = [];
  for (const note of list) {
    const piece = page.notes.find((p) => p.occurrence === note.occurrence);
    const done = piece ? piece.boxes.length : 0;
    if (done < note.boxes.length) {
      out.push({ note: note.note, occurrence: note.occurrence, start: false, boxes: note.boxes.slice(done) });
    }
  }
  return out;
}
