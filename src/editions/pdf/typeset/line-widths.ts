// The measure of each line of a paragraph, from a number or a function of the line index.

/** Lines sampled to find where a width function becomes constant. */
const SAMPLE = 64;

export class LineWidths {
  private readonly fn: ((line: number) => number) | null;
  private readonly sampled: number[];
  /** From this line on every line has the same width (so line numbers stop mattering). */
  readonly easy: number;
  /** The narrowest line. */
  readonly min: number;

  constructor(width: number | ((line: number) => number)) {
    if (typeof width === 'number') {
      this.fn = null;
      this.sampled = [clean(width)];
      this.easy = 0;
      this.min = this.sampled[0];
      return;
    }
    this.fn = width;
    this.sampled = [];
    for (let i = 0; i <= SAMPLE; i++) this.sampled.push(clean(width(i)));
    let easy = 0;
    for (let i = 0; i < SAMPLE; i++) if (this.sampled[i] !== this.sampled[i + 1]) easy = i + 1;
    this.easy = easy;
    this.min = Math.min(...this.sampled);
  }

  at(line: number): number {
    if (this.fn === null) return this.sampled[0];
    return line <= SAMPLE ? this.sampled[line] : clean(this.fn(line));
  }

  /** Lines with the same class have the same width, for every later line too. */
  lineClass(line: number): number {
    return line < this.easy ? line : this.easy;
  }
}

function clean(w: number): number {
  return Number.isFinite(w) && w > 1 ? w : 1;
}
