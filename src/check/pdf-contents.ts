// Checking a PDF's printed contents page against its pages: every entry's page
// number must be the page where that heading is set. The contents is found by
// its dot leaders ("Heading title ....... 12") or, where the leaders are drawn as
// graphics that text extraction does not see, by its title ("Contents") and lines
// ending in a folio after a wide gap; the page numbers are read as the
// printed folios (the PDF's page labels, so roman front matter works), and a
// heading "is set" on the first page after the contents — and after the previous
// entry's page — that has a line (or two or three consecutive lines, for a
// wrapped heading) reading exactly like the entry.

export interface ContentsEntry {
  text: string;
  /** The page number as printed on the contents page. */
  printed: string;
  /** Physical page (1-based) of the contents page holding the entry. */
  onPage: number;
  /** Shorter candidates first: the leader line's own text, then with the line(s) before it (a wrapped entry). */
  candidates: string[];
  /**
   * The text runs straight into the leader ("A very long heading…….. 12"): it may
   * have been cut short to fit, so it matches any heading it begins.
   */
  truncated: boolean;
}

export interface ContentsReport {
  entries: ContentsEntry[];
  /** Physical page numbers of the contents pages. */
  contentsPages: number[];
  problems: string[];
}

/** Text, a run of three or more leader dots (with or without spaces between them), then a folio. */
const LEADER_LINE = /^(.*?\S)\s*(?:[.·…․‥∙]\s*){3,}\s*([0-9]+|[ivxlcdm]+)\s*$/i;

/** Text, a gap of three or more spaces (pdftotext -layout), then a folio: an entry whose leader is not text. */
const GAP_LINE = /^(.*?\S)\s{3,}([0-9]+|[ivxlcdm]+)\s*$/i;

/** Titles of a contents page, in the languages imprint labels. */
const CONTENTS_TITLE = /^(?:(?:table of )?contents|inhalt(?:sverzeichnis)?|table des matières|sommaire|índice|indice|inhoud|spis treści|содержание|оглавление|תוכן העניינים|المحتويات|目次|目录|目錄|차례)$/iu;

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

function parseEntries(pageText: string, onPage: number, gapsToo: boolean): { entries: ContentsEntry[]; leaders: number } {
  const entries: ContentsEntry[] = [];
  let pending: string[] = [];
  let leaders = 0;
  for (const raw of pageText.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      pending = [];
      continue;
    }
    const m = LEADER_LINE.exec(line) ?? (gapsToo ? GAP_LINE.exec(line) : null);
    if (!m) {
      pending.push(line);
      continue;
    }
    leaders++;
    const text = m[1].trim();
    const candidates = [text];
    for (let k = 1; k <= Math.min(2, pending.length); k++) candidates.push([...pending.slice(-k), text].join(' '));
    const truncated = /^(?:…|\.\.\.)/.test(line.slice(m[1].length));
    entries.push({ text, printed: m[2], onPage, candidates, truncated });
    pending = [];
  }
  return { entries, leaders };
}

/** Whether the page sets `heading` as a line of its own, or across 2–3 consecutive lines. */
function pageHasHeading(lines: string[], heading: string, prefix: boolean): boolean {
  const matches = (s: string) => (prefix ? s.startsWith(heading) : s === heading);
  for (let i = 0; i < lines.length; i++) {
    if (matches(lines[i])) return true;
    let joined = lines[i];
    let unhyphenated = lines[i];
    for (let k = 1; k <= 2 && i + k < lines.length; k++) {
      joined = `${joined} ${lines[i + k]}`;
      unhyphenated = unhyphenated.endsWith('-') ? unhyphenated.slice(0, -1) + lines[i + k] : `${unhyphenated} ${lines[i + k]}`;
      if (matches(joined) || matches(unhyphenated)) return true;
      if (joined.length > heading.length + 2 && !prefix) break;
    }
  }
  return false;
}

/**
 * @param pages text of each page, index 0 unused (pdftotext -layout, split on form feeds)
 * @param labels printed folio of each physical page, index 0 unused; `undefined` when the PDF has no page labels
 */
export function checkContents(pages: string[], labels?: string[]): ContentsReport {
  const contentsPages: number[] = [];
  const entries: ContentsEntry[] = [];
  for (let p = 1; p < pages.length; p++) {
    const lines = pages[p].split('\n').map((l) => l.trim()).filter(Boolean);
    const titled = CONTENTS_TITLE.test(lines[0] ?? '');
    // A page after a contents page continues it when (nearly) all its lines are entries.
    const continues = contentsPages.length > 0 && contentsPages[contentsPages.length - 1] === p - 1;
    let found = parseEntries(pages[p], p, titled || continues);
    if (!titled && continues && found.leaders < Math.ceil((lines.length - 1) / 2)) found = { entries: [], leaders: 0 };
    if (found.entries.length === 0) {
      if (contentsPages.length > 0) break; // the contents run ended
      continue;
    }
    contentsPages.push(p);
    entries.push(...found.entries);
  }
  const problems: string[] = [];
  if (entries.length === 0) return { entries, contentsPages, problems };

  const label = (p: number) => (labels?.[p] ?? String(p)).toLowerCase();
  const byLabel = new Map<string, number>();
  for (let p = pages.length - 1; p >= 1; p--) byLabel.set(label(p), p);
  const pageLines = pages.map((t) => t.split('\n').map(normalise).filter(Boolean));

  let from = contentsPages[contentsPages.length - 1] + 1;
  for (const e of entries) {
    const target = byLabel.get(e.printed.toLowerCase());
    let found: number | undefined;
    let shown = e.text;
    for (const candidate of e.candidates) {
      const heading = normalise(candidate);
      for (let p = from; p < pages.length; p++) {
        if (pageHasHeading(pageLines[p], heading, e.truncated)) {
          found = p;
          shown = candidate;
          break;
        }
      }
      if (found !== undefined) break;
    }
    if (found === undefined) {
      problems.push(`"${e.text}" (listed on page ${e.printed}) is not set as a heading on any page after the contents`);
      continue;
    }
    if (target === undefined) problems.push(`"${shown}" is listed on page ${e.printed}, a page the PDF does not have; it is set on page ${label(found)}`);
    else if (target !== found) problems.push(`"${shown}" is listed on page ${e.printed} but is set on page ${label(found)}`);
    from = found;
  }
  return { entries, contentsPages, problems };
}

/** Printed folio of a 1-based page index within a labelled range (PDF 32000-1, 12.4.2). */
export function formatLabel(style: string | undefined, n: number, prefix = ''): string {
  const roman = (v: number): string => {
    const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let out = '';
    for (const [value, sym] of table) while (v >= value) (out += sym), (v -= value);
    return out;
  };
  const letters = (v: number): string => String.fromCharCode(97 + ((v - 1) % 26)).repeat(Math.floor((v - 1) / 26) + 1);
  switch (style) {
    case 'D':
      return prefix + String(n);
    case 'r':
      return prefix + roman(n);
    case 'R':
      return prefix + roman(n).toUpperCase();
    case 'a':
      return prefix + letters(n);
    case 'A':
      return prefix + letters(n).toUpperCase();
    default:
      return prefix;
  }
}

export interface LabelRange {
  /** 0-based index of the first page of the range. */
  index: number;
  style?: string;
  start?: number;
  prefix?: string;
}

/** Folio of every physical page (index 0 unused) from the PDF's page-label ranges. */
export function labelsFromRanges(ranges: LabelRange[], pageCount: number): string[] {
  const sorted = [...ranges].sort((a, b) => a.index - b.index);
  const labels = [''];
  for (let p = 1; p <= pageCount; p++) {
    const range = [...sorted].reverse().find((r) => r.index <= p - 1);
    labels.push(range ? formatLabel(range.style, (range.start ?? 1) + (p - 1 - range.index), range.prefix ?? '') : String(p));
  }
  return labels;
}
