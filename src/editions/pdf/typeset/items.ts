// Knuth–Plass items (boxes, glue, penalties) in parallel typed arrays that grow by
// doubling and are reused from paragraph to paragraph: a novel is ~600,000 items, and
// allocating them as objects (or as fresh arrays per paragraph) kept the collector busy.

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;

/** A penalty of INF forbids a break; −INF forces one. */
export const INF = 10000;
/** Stretch of the glue that fills the last line (TeX's \parfillskip = 0pt plus 1fil). */
export const FILL = 1e6;

/** What a break inside a word does (the `kind` of a penalty). */
export const Brk = {
  /** Pattern hyphenation or a soft hyphen in the source: a hyphen is inserted. */
  Hyphen: 1,
  /** After a hard hyphen or dash already in the text. */
  Dash: 2,
  /** Zero-width space or between ideographs. */
  Free: 3,
  /** Inside a URL (after a slash, before a dot…), no hyphen added. */
  Url: 4,
  /** Emergency: between any two characters of a word wider than the measure. */
  Char: 5,
  /** A forced break (hard line break, end of paragraph). */
  Forced: 6,
} as const;

/**
 * Penalty of each kind of break inside a word. Hyphenation costs 100 (TeX's default
 * \hyphenpenalty is 50): on the article at 300 pt that cuts hyphenated lines from 25 %
 * to 21 % without adding a loose line; a break after a dash costs 50 (\exhyphenpenalty).
 */
export const PENALTY_OF: readonly number[] = [0, 100, 50, 0, 100, 1000, -INF];

export class Items {
  length = 0;
  type = new Uint8Array(256);
  width = new Float64Array(256);
  stretch = new Float64Array(256);
  shrink = new Float64Array(256);
  penalty = new Float64Array(256);
  /** 1 for breaks that end a line with a hyphen-like character (TeX's flagged penalties). */
  flagged = new Uint8Array(256);
  /** 1 when breaking here inserts a hyphen. */
  hyphen = new Uint8Array(256);
  /** Break kind of a penalty (Brk), 0 otherwise. */
  kind = new Uint8Array(256);
  /** Offset in the paragraph text where the item starts (for a break: where the line ends). */
  pos = new Int32Array(256);

  /** Empties the list, keeping the storage. */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** A box; `flex` is the fraction its glyphs may be expanded or condensed (font expansion). */
  box(width: number, pos: number, flex = 0): void {
    this.push(BOX, width, width * flex, width * flex, 0, 0, 0, 0, pos);
  }

  glue(width: number, stretch: number, shrink: number, pos: number): void {
    this.push(GLUE, width, stretch, shrink, 0, 0, 0, 0, pos);
  }

  penaltyAt(width: number, value: number, flagged: boolean, hyphen: boolean, kind: number, pos: number): void {
    this.push(PENALTY, width, 0, 0, value, flagged ? 1 : 0, hyphen ? 1 : 0, kind, pos);
  }

  private grow(): void {
    const cap = this.type.length * 2;
    const more = <T extends Uint8Array | Float64Array | Int32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(cap);
      b.set(a);
      return b;
    };
    this.type = more(this.type, Uint8Array);
    this.width = more(this.width, Float64Array);
    this.stretch = more(this.stretch, Float64Array);
    this.shrink = more(this.shrink, Float64Array);
    this.penalty = more(this.penalty, Float64Array);
    this.flagged = more(this.flagged, Uint8Array);
    this.hyphen = more(this.hyphen, Uint8Array);
    this.kind = more(this.kind, Uint8Array);
    this.pos = more(this.pos, Int32Array);
  }

  private push(t: number, w: number, y: number, z: number, p: number, f: number, h: number, k: number, pos: number): void {
    const i = this.length;
    if (i === this.type.length) this.grow();
    this.type[i] = t;
    this.width[i] = w;
    this.stretch[i] = y;
    this.shrink[i] = z;
    this.penalty[i] = p;
    this.flagged[i] = f;
    this.hyphen[i] = h;
    this.kind[i] = k;
    this.pos[i] = pos;
    this.length = i + 1;
  }

  /** Is item b a place where a line may end? */
  legalBreak(b: number): boolean {
    const t = this.type[b];
    if (t === GLUE) return b > 0 && this.type[b - 1] === BOX;
    return t === PENALTY && this.penalty[b] < INF;
  }

  /** Index of the first item of the line that follows a break at b (glue and penalties dropped). */
  nextLineStart(b: number): number {
    const n = this.length;
    let i = b + 1;
    while (i < n && this.type[i] !== BOX) {
      if (this.type[i] === PENALTY && this.penalty[i] <= -INF) break;
      i++;
    }
    return i;
  }
}
