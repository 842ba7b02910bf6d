// Reading the structure back out of a plain-text copy: which lines are paragraphs,
// which are section headings, and whether the first line is the title. Plain text
// carries no markup, so every decision here is a heuristic; each one is simple
// enough to state in a sentence (the README lists them) and `imprint import`
// prints what it decided so the author can correct the Markdown it writes.

/** How paragraphs are delimited in the input. */
export type ParagraphMode =
  /** Every non-blank line is a paragraph (blank lines, if any, are only spacing). */
  | 'line'
  /** Paragraphs are runs of lines separated by blank lines; a run's lines are joined. */
  | 'blank-line';

export interface ImportedBlock {
  kind: 'heading' | 'paragraph' | 'break';
  /** The block's text, whitespace-trimmed, a wrapped paragraph's lines joined with one space. */
  text: string;
  /** 1-based line in the input where the block starts. */
  line: number;
}

export interface TitleDecision {
  /** The title taken from the first line, when one was recognised. */
  title?: string;
  /** Why the first line was (or was not) taken as the title, for the report. */
  reason: string;
}

export interface PlainTextStructure {
  mode: ParagraphMode;
  /** Why that mode was chosen, for the report. */
  modeReason: string;
  title: TitleDecision;
  /** The body in reading order; the title line, when recognised, is not among them. */
  blocks: ImportedBlock[];
}

export interface AnalyseOptions {
  /** `false`: never take the first line as the title (`--no-title`). */
  detectTitle?: boolean;
}

/** A section heading is at most this many characters… */
export const HEADING_MAX_CHARS = 100;
/** …and at most this many words. */
export const HEADING_MAX_WORDS = 12;
/** A title recognised by its Title Case alone is at most this many words. */
export const TITLE_CASE_MAX_WORDS = 10;

/**
 * Sentence-closing punctuation (and a trailing comma), also inside closing quotes
 * or brackets (`…end.”`): a line ending in one is prose, not a heading. A closing
 * quote alone does not close a sentence: `The “Axis of Resistance”` is a heading.
 */
const CLOSING = /[.!?:;…,][”’"')\]»›]*$/u;

/** A line of nothing but asterisks, dashes, bullets, tildes or hashes (`* * *`, `***`, `#`): a scene break. */
const SCENE_BREAK = /^(?:[*\-–—_~#•·⁂∗]\s*){1,}$/u;

/** Opening words of chapter and section labels, which head a text without being its title. */
const SECTION_LABEL =
  /^(?:chapter|part|book|section|volume|act|scene|prologue|epilogue|preface|foreword|introduction|contents|acknowledg(?:e)?ments|appendix)\b/iu;

/** Short words Title Case leaves in lower case (English usage). */
const MINOR_WORDS = new Set(
  'a an the and but or nor for so yet of in on at to by up as via vs with from into onto over per than upon off out'.split(' '),
);

/** Splits text into lines, with CRLF/CR line ends, a BOM and form feeds normalised away. */
export function splitLines(text: string): string[] {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n');
  const lines = normal.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const isBlank = (line: string) => line.trim() === '';

function words(line: string): string[] {
  return line.trim().split(/\s+/u).filter(Boolean);
}

export function isSceneBreak(line: string): boolean {
  return SCENE_BREAK.test(line.trim());
}

/**
 * A section heading: a short line (≤ 100 characters, ≤ 12 words) holding at least one
 * letter or digit and not ending in sentence-closing punctuation (. ! ? : ; …) or a
 * comma, whether or not closing quotes follow it.
 */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > HEADING_MAX_CHARS) return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (CLOSING.test(text)) return false;
  return words(text).length <= HEADING_MAX_WORDS;
}

/**
 * Title Case: the first word and every word but the short function words (a, of,
 * the, …) begin with a capital letter or a digit. Scripts without letter case never
 * qualify, so there only a following heading makes the first line the title.
 */
export function isTitleCase(line: string): boolean {
  const ws = words(line);
  if (ws.length === 0) return false;
  let sawCased = false;
  for (let i = 0; i < ws.length; i++) {
    // Quotes and brackets in front of a word do not count: “The Axis” is Title Case.
    const w = ws[i].replace(/^[^\p{L}\p{N}]+/u, '');
    if (w === '') continue;
    const first = w[0];
    if (/\p{N}/u.test(first)) continue;
    if (!/\p{Lu}|\p{Ll}|\p{Lt}/u.test(first)) return false; // uncased script
    sawCased = true;
    const minor = i > 0 && MINOR_WORDS.has(w.toLowerCase().replace(/[^\p{L}]+$/u, ''));
    if (!minor && !/\p{Lu}|\p{Lt}/u.test(first)) return false;
  }
  return sawCased;
}

interface RawBlock {
  lines: string[];
  line: number;
}

function runsOfLines(lines: string[]): RawBlock[] {
  const runs: RawBlock[] = [];
  let current: RawBlock | undefined;
  lines.forEach((text, i) => {
    if (isBlank(text)) {
      current = undefined;
      return;
    }
    if (!current) {
      current = { lines: [], line: i + 1 };
      runs.push(current);
    }
    current.lines.push(text);
  });
  return runs;
}

/**
 * Hard-wrapped text, as a greedy wrapper makes it: within the multi-line runs, (nearly)
 * every line but a run's last is so full that the next line's first word would not
 * have fitted after it, and no such line is longer than a heading may be. A copy with
 * one long paragraph per line and a blank line here and there fails the test, and so
 * does dialogue with one short speech per line.
 */
function looksHardWrapped(runs: RawBlock[]): boolean {
  const pairs: [string, string][] = [];
  for (const run of runs) for (let i = 0; i + 1 < run.lines.length; i++) pairs.push([run.lines[i].trimEnd(), run.lines[i + 1].trim()]);
  if (pairs.length === 0) return false;
  const width = Math.max(...pairs.map(([line]) => line.length));
  if (width > HEADING_MAX_CHARS) return false;
  const full = pairs.filter(([line, next]) => line.length + 1 + (words(next)[0]?.length ?? 0) > width).length;
  return full / pairs.length >= 0.8;
}

function chooseMode(lines: string[], runs: RawBlock[]): { mode: ParagraphMode; reason: string } {
  const hasBlank = lines.some(isBlank);
  const multi = runs.some((r) => r.lines.length > 1);
  if (!hasBlank) return { mode: 'line', reason: 'one paragraph per line (no blank lines between them)' };
  if (!multi) return { mode: 'blank-line', reason: 'paragraphs separated by blank lines, each on one line' };
  if (looksHardWrapped(runs)) return { mode: 'blank-line', reason: 'paragraphs separated by blank lines, their lines hard-wrapped (joined again)' };
  return { mode: 'line', reason: 'one paragraph per line (lines are too long or too uneven to be hard-wrapped; blank lines are only spacing)' };
}

function blocksOf(mode: ParagraphMode, lines: string[], runs: RawBlock[]): ImportedBlock[] {
  const units: RawBlock[] =
    mode === 'blank-line'
      ? runs
      : lines.flatMap((text, i) => (isBlank(text) ? [] : [{ lines: [text], line: i + 1 }]));
  return units.map(({ lines: ls, line }) => {
    const text = ls.map((l) => l.trim()).join(' ');
    // A heading stands alone: a line that is a whole run (or, line by line, any line).
    if (ls.length === 1 && isSceneBreak(text)) return { kind: 'break', text, line };
    if (ls.length === 1 && isHeadingLike(text)) return { kind: 'heading', text, line };
    return { kind: 'paragraph', text, line };
  });
}

function decideTitle(blocks: ImportedBlock[], detect: boolean): TitleDecision {
  const first = blocks[0];
  if (!first) return { reason: 'the text is empty' };
  if (!detect) return { reason: 'not looked for (--no-title)' };
  if (first.kind !== 'heading') return { reason: 'the first line reads as a paragraph' };
  if (SECTION_LABEL.test(first.text) || /^(?:\d+|[IVXLC]+)[.):]?(?:\s|$)/u.test(first.text)) {
    return { reason: `the first line ("${first.text}") reads as a chapter or section label` };
  }
  if (blocks[1]?.kind === 'heading') return { title: first.text, reason: 'the first line is heading-like and another heading follows it' };
  if (isTitleCase(first.text) && words(first.text).length <= TITLE_CASE_MAX_WORDS) {
    return { title: first.text, reason: 'the first line is a short heading-like line in Title Case' };
  }
  return { reason: `the first line ("${first.text}") reads as a section heading: no heading follows it and it is not short Title Case` };
}

export function analysePlainText(text: string, opts: AnalyseOptions = {}): PlainTextStructure {
  const lines = splitLines(text);
  const runs = runsOfLines(lines);
  const { mode, reason } = chooseMode(lines, runs);
  let blocks = blocksOf(mode, lines, runs);
  const title = decideTitle(blocks, opts.detectTitle ?? true);
  if (title.title !== undefined) blocks = blocks.slice(1);
  return { mode, modeReason: reason, title, blocks };
}
