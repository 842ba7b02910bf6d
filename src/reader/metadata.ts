// Front-matter keys → `Metadata`. Each key has one accepted shape; anything else is
// an error naming the key and its line, so a typo never silently changes a book.
//
// Dates: `meta.date` is the front-matter `date`. Without one it is the UTC date of
// SOURCE_DATE_EPOCH when that is set, else 1970-01-01 (the epoch, as reproducible
// builds use for "unknown") with a warning — never the wall clock or a file's mtime,
// which differ between clones and builds. `buildDate` is SOURCE_DATE_EPOCH when set,
// else `date` at 00:00 UTC.

import { InputError, type Diagnostics } from '../diagnostics.js';
import type { Metadata } from '../model/document.js';
import { keyLine, type FrontMatter } from './front-matter.js';
import { derivedIdentifier, parseIdentifier } from './identifier.js';
import { defaultPageSize, parsePageSize } from './page-size.js';

const KNOWN_KEYS = [
  'title', 'subtitle', 'author', 'date', 'lang', 'publisher', 'rights', 'description', 'keywords',
  'identifier', 'slug', 'cover', 'toc-depth', 'pdf', 'series', 'series-index', 'epub-fonts',
] as const;
const PDF_KEYS = ['size', 'binding'] as const;

/** Latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z. */
const MAX_EPOCH = 253_402_300_799;

export interface MetadataInput {
  frontMatter: FrontMatter;
  /** Display path of the file the front matter is in. */
  file: string;
  env: NodeJS.ProcessEnv;
  diagnostics: Diagnostics;
  /** Text of the book's first heading, for a book without a title. */
  firstHeading?: string;
  /** File name without extension, or the folder's name. */
  baseName: string;
}

export interface MetadataResult {
  /** Everything but `cover`, which needs the image loader. */
  meta: Metadata;
  cover?: { src: string; line: number };
}

export function readMetadata(input: MetadataInput): MetadataResult {
  const { frontMatter: fm, file, diagnostics } = input;
  const data = fm.data;
  const at = (key: string, parent?: string) => ({ file, line: keyLine(fm, key, parent) });
  const fail = (key: string, must: string, value: unknown, hint?: string, parent?: string): never => {
    const name = parent ? `${parent}.${key}` : key;
    throw new InputError(`front matter "${name}" ${must}, got ${describe(value)}`, at(key, parent), hint);
  };
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key) && data[key] !== null && data[key] !== undefined;

  for (const key of Object.keys(data)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      const near = closest(key, KNOWN_KEYS);
      diagnostics.warn(`unknown front matter key ${JSON.stringify(key)}${near ? ` (did you mean "${near}"?)` : ''}; ignored`, at(key));
    }
  }

  // Titles and names are one line wherever they are set; YAML block scalars may hold several.
  const text = (key: string, multiline = false): string | undefined => {
    if (!has(key)) return undefined;
    const v = data[key];
    if (typeof v === 'string') {
      const s = multiline ? v.trim() : v.replace(/\s+/g, ' ').trim();
      return s === '' ? undefined : s;
    }
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return fail(key, 'must be text', v, `quote it: ${key}: "…"`);
  };

  const names = (key: string, what: string): string[] => {
    if (!has(key)) return [];
    const v = data[key];
    const one = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? String(x) : x);
    const clean = (x: unknown) => String(one(x)).replace(/\s+/g, ' ').trim();
    if (typeof v === 'string' || typeof v === 'number') return [clean(v)].filter(Boolean);
    if (Array.isArray(v) && v.every((x) => typeof one(x) === 'string')) return v.map(clean).filter(Boolean);
    return fail(key, `must be ${what}`, v, `write ${key}: [first, second]`);
  };

  const fmDate = readDate(has('date') ? data.date : undefined, () => at('date'));
  const epoch = sourceDateEpoch(input.env);

  let lang = 'en';
  if (has('lang')) {
    const v = data.lang;
    let canonical: string | undefined;
    if (typeof v === 'string' && /^[A-Za-z0-9-]{2,}$/.test(v.trim())) {
      try {
        canonical = Intl.getCanonicalLocales(v.trim())[0];
      } catch {
        canonical = undefined;
      }
    }
    if (!canonical) {
      fail('lang', 'must be a BCP 47 language tag such as en, en-GB or pt-BR', v,
        typeof v === 'string' && v.includes('_') ? `use a hyphen: ${v.replace(/_/g, '-')}` : undefined);
    }
    lang = canonical!;
  }

  const title = text('title') ?? (input.firstHeading?.trim() || input.baseName);
  const authors = names('author', 'a name or a list of names');
  const keywords = has('keywords') && typeof data.keywords === 'string'
    ? fail('keywords', 'must be a list of words', data.keywords, 'write keywords: [first, second]')
    : names('keywords', 'a list of words');

  let tocDepth = 2;
  if (has('toc-depth')) {
    const v = data['toc-depth'];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 6) fail('toc-depth', 'must be an integer from 1 to 6', v);
    tocDepth = v as number;
  }

  let identifier = derivedIdentifier(title, authors, fmDate);
  if (has('identifier')) {
    const v = data.identifier;
    if (typeof v !== 'string' && typeof v !== 'number') fail('identifier', 'must be an ISBN or a URN', v);
    const r = parseIdentifier(String(v));
    if (!r.ok) throw new InputError(`front matter "identifier" ${r.problem}`, at('identifier'));
    identifier = r.identifier;
  }

  let pageSize = defaultPageSize(lang);
  let binding = false;
  if (has('pdf')) {
    const pdf = data.pdf;
    if (typeof pdf !== 'object' || Array.isArray(pdf) || pdf instanceof Date) fail('pdf', 'must be a mapping with size and binding', pdf, 'e.g. pdf: { size: A5, binding: true }');
    const p = pdf as Record<string, unknown>;
    for (const key of Object.keys(p)) {
      if (!(PDF_KEYS as readonly string[]).includes(key)) {
        diagnostics.warn(`unknown front matter key ${JSON.stringify(`pdf.${key}`)}; ignored`, at(key, 'pdf'));
      }
    }
    if (p.size !== undefined && p.size !== null) {
      const size = typeof p.size === 'string' ? parsePageSize(p.size) : undefined;
      if (!size) {
        fail('size', 'must be A4, A5, B5, Letter, 6x9in or WIDTHxHEIGHT with mm, in or pt (e.g. 150x220mm)', p.size, undefined, 'pdf');
      }
      pageSize = size!;
    }
    if (p.binding !== undefined && p.binding !== null) {
      if (typeof p.binding !== 'boolean') fail('binding', 'must be true or false', p.binding, undefined, 'pdf');
      binding = p.binding as boolean;
    }
  }

  let seriesIndex: number | undefined;
  if (has('series-index')) {
    const v = data['series-index'];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail('series-index', 'must be a number such as 1 or 2.5', v);
    seriesIndex = v as number;
  }

  let epubFonts = false;
  if (has('epub-fonts')) {
    const v = data['epub-fonts'];
    if (typeof v !== 'boolean') fail('epub-fonts', 'must be true or false', v);
    epubFonts = v as boolean;
  }

  let slugSource = input.baseName;
  if (has('slug')) {
    const v = data.slug;
    if (typeof v !== 'string' && typeof v !== 'number') fail('slug', 'must be text', v);
    slugSource = String(v);
  }

  let cover: MetadataResult['cover'];
  if (has('cover')) {
    const v = data.cover;
    if (typeof v !== 'string' || v.trim() === '') fail('cover', 'must be the path of an image', v);
    cover = { src: (v as string).trim(), line: keyLine(fm, 'cover') };
  }

  let date: string;
  let buildDate: Date;
  if (fmDate) {
    date = fmDate;
    buildDate = epoch ?? new Date(`${fmDate}T00:00:00Z`);
  } else if (epoch) {
    date = epoch.toISOString().slice(0, 10);
    buildDate = epoch;
  } else {
    date = '1970-01-01';
    buildDate = new Date(0);
    diagnostics.warn(
      'no "date" in the front matter; the editions carry 1970-01-01 (add date: YYYY-MM-DD, or set SOURCE_DATE_EPOCH)',
      { file, line: fm.present ? 1 : undefined },
    );
  }

  const meta: Metadata = {
    title,
    authors,
    date,
    lang,
    keywords,
    identifier,
    slug: fileSlug(slugSource),
    tocDepth,
    pdf: { size: pageSize, binding },
    epub: { fonts: epubFonts },
    buildDate,
  };
  const optional = { subtitle: text('subtitle'), publisher: text('publisher'), rights: text('rights', true), description: text('description', true), series: text('series') };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (meta as unknown as Record<string, unknown>)[k] = v;
  if (seriesIndex !== undefined) meta.seriesIndex = seriesIndex;
  if (seriesIndex !== undefined && meta.series === undefined) {
    diagnostics.warn('front matter has "series-index" but no "series"', at('series-index'));
  }
  return { meta, cover };
}

function readDate(v: unknown, where: () => { file: string; line: number }): string | undefined {
  if (v === undefined || v === null) return undefined;
  let s: string | undefined;
  // js-yaml's default schema turns unquoted dates into Date objects; accept those too.
  if (v instanceof Date && !Number.isNaN(v.getTime())) s = v.toISOString().slice(0, 10);
  else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) s = v.trim();
  if (s !== undefined) {
    const [y, m, d] = s.split('-').map(Number);
    const back = new Date(Date.UTC(y, m - 1, d));
    if (back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d && y >= 1) return s;
  }
  throw new InputError(`front matter "date" must be YYYY-MM-DD, got ${describe(v)}`, where(), 'e.g. date: 2024-05-01');
}

export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  const s = raw.trim();
  if (!/^\d{1,12}$/.test(s) || Number(s) > MAX_EPOCH) {
    throw new InputError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got "${s.slice(0, 40)}"`,
      undefined,
      'e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)',
    );
  }
  return new Date(Number(s) * 1000);
}

/** `[a-z0-9-]` only: the slug names output files. */
export function fileSlug(raw: string): string {
  const s = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return s || 'book';
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString();
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
