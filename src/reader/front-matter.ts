// The YAML block at the top of a manuscript file. gray-matter does the splitting,
// but never gets to choose a parser: it would run `---js` front matter through
// `eval`, and its default YAML loader knows more types than a book needs. So the
// language is checked here first, every engine but a safe YAML one refuses, and
// what the YAML expands to is bounded (aliases can multiply a tiny text into
// billions of values).

import { createRequire } from 'node:module';
import matter from 'gray-matter';
import { InputError } from '../diagnostics.js';

interface YamlMark {
  line: number;
}
interface YamlException extends Error {
  name: 'YAMLException';
  reason?: string;
  mark?: YamlMark;
}
interface JsYaml {
  safeLoad(text: string, options: { schema: unknown; filename?: string; json?: boolean }): unknown;
  CORE_SCHEMA: unknown;
}

// js-yaml 3, the line gray-matter depends on (npm keeps one copy). A dependency of our
// own, required by name so that the bundled CLI carries it (scripts/bundle.mjs).
const yaml = createRequire(import.meta.url)('js-yaml') as JsYaml;

/** More values than any real front matter has; an alias bomb passes it within microseconds. */
export const MAX_FRONT_MATTER_VALUES = 10_000;
const MAX_ALIASES = 100;
const MAX_DEPTH = 32;

export interface FrontMatter {
  /** Parsed mapping; empty when the file has none. */
  data: Record<string, unknown>;
  /** Raw YAML text; line `k` (0-based) of it is line `k + 1` of the file. */
  yaml: string;
  /** Whether the file starts with a front-matter block. */
  present: boolean;
  /** The Markdown after the block. */
  body: string;
  /** Lines of the file before `body`'s first line. */
  bodyLineOffset: number;
}

class FrontMatterRefusal extends Error {}

function refuse(name: string) {
  return {
    parse(): object {
      throw new FrontMatterRefusal(`front matter language "${name}" is not supported`);
    },
  };
}

/**
 * Splits and (when `parse` is set) reads the front matter of one file's text
 * (already decoded, LF line endings).
 */
export function readFrontMatter(text: string, file: string, parse: boolean): FrontMatter {
  const none: FrontMatter = { data: {}, yaml: '', present: false, body: text, bodyLineOffset: 0 };
  // gray-matter's own test: `---` not followed by another dash.
  if (!text.startsWith('---') || text.charAt(3) === '-') return none;

  const firstNewline = text.indexOf('\n');
  const firstLine = firstNewline < 0 ? text : text.slice(0, firstNewline);
  const language = firstLine.slice(3).trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    throw new InputError(
      `front matter language "${language}" is not supported`,
      { file, line: 1 },
      'imprint reads YAML front matter only: start the file with a line of three dashes',
    );
  }

  // gray-matter ends the block at the first "\n---"; insist that line is only dashes.
  const close = firstNewline < 0 ? -1 : text.indexOf('\n---', firstNewline);
  if (firstNewline < 0 || close < 0) {
    throw new InputError(
      'front matter is not closed',
      { file, line: 1 },
      'end the front matter with a line of three dashes (---)',
    );
  }
  const closeLineEnd = text.indexOf('\n', close + 1);
  const closeLine = text.slice(close + 1, closeLineEnd < 0 ? text.length : closeLineEnd);
  const closeLineNumber = countNewlines(text, 0, close + 1) + 1;
  if (!/^---[ \t]*$/.test(closeLine)) {
    throw new InputError(
      `front matter must end with a line of three dashes, not "${closeLine.slice(0, 40)}"`,
      { file, line: closeLineNumber },
    );
  }

  const bodyStart = closeLineEnd < 0 ? text.length : closeLineEnd + 1;
  const body = text.slice(bodyStart);
  const bodyLineOffset = countNewlines(text, 0, bodyStart);
  const yamlText = text.slice(firstNewline, close);
  if (!parse) return { data: {}, yaml: yamlText, present: true, body, bodyLineOffset };

  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's content-keyed cache.
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: { parse: (s: string) => safeYaml(s, file) },
        yml: { parse: (s: string) => safeYaml(s, file) },
        javascript: refuse('javascript'),
        js: refuse('js'),
        coffee: refuse('coffee'),
        coffeescript: refuse('coffeescript'),
        cson: refuse('cson'),
        json: refuse('json'),
        toml: refuse('toml'),
      },
    });
  } catch (err) {
    throw asInputError(err, file);
  }
  const data = parsed.data as unknown;
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new InputError('front matter must be a mapping of keys to values', { file, line: 2 });
  }
  // Own copy with own keys only: a `__proto__` key must not become a prototype.
  const own: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(data ?? {})) own[key] = (data as Record<string, unknown>)[key];
  return { data: own, yaml: yamlText, present: true, body, bodyLineOffset };
}

function safeYaml(source: string, file: string): object {
  // Count aliases before loading: a real book's front matter needs few or none.
  const aliases = source.match(/(?:^|[\s,[{:-])\*[^\s,[\]{}]+/g)?.length ?? 0;
  if (aliases > MAX_ALIASES) {
    throw new InputError(
      `front matter uses ${aliases} YAML aliases; at most ${MAX_ALIASES} are allowed`,
      { file, line: 1 },
      'write the values out instead of using &anchors and *aliases',
    );
  }
  const data = yaml.safeLoad(source, { schema: yaml.CORE_SCHEMA, filename: file, json: false });
  checkSize(data, file, aliases);
  return (data ?? {}) as object;
}

/** Walks the loaded value with a budget, so shared (aliased) subtrees are counted every time they appear. */
function checkSize(root: unknown, file: string, aliases: number): void {
  let budget = MAX_FRONT_MATTER_VALUES;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (--budget < 0) {
      throw aliases > 0
        ? new InputError(
            `front matter expands to more than ${MAX_FRONT_MATTER_VALUES} values through its YAML aliases`,
            { file, line: 1 },
            'an alias (*name) repeats a whole subtree; write the values out instead',
          )
        : new InputError(`front matter has more than ${MAX_FRONT_MATTER_VALUES} values`, { file, line: 1 });
    }
    if (depth > MAX_DEPTH) {
      throw new InputError(`front matter is nested deeper than ${MAX_DEPTH} levels`, { file, line: 1 });
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
}

function asInputError(err: unknown, file: string): InputError {
  if (err instanceof InputError) return err;
  if (err instanceof FrontMatterRefusal) return new InputError(err.message, { file, line: 1 });
  const e = err as Partial<YamlException> | undefined;
  if (e && e.name === 'YAMLException') {
    const line = e.mark ? e.mark.line + 1 : 1;
    return new InputError(
      `front matter is not valid YAML: ${e.reason ?? 'syntax error'}`,
      { file, line },
      'check indentation, and quote values that contain ": " or start with a special character',
    );
  }
  if (err instanceof RangeError) {
    return new InputError('front matter is nested too deeply to read', { file, line: 1 });
  }
  return new InputError(`front matter could not be read: ${(err as Error)?.message ?? String(err)}`, { file, line: 1 });
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * File line of a key in the front matter, found by scanning for `key:` at the
 * start of a line (for a nested key: the first indented `key:` after its parent).
 */
export function keyLine(fm: FrontMatter, key: string, parent?: string): number {
  const lines = fm.yaml.split('\n');
  const quoted = (k: string) => `(?:${escapeRe(k)}|"${escapeRe(k)}"|'${escapeRe(k)}')`;
  if (parent === undefined) {
    const re = new RegExp(`^${quoted(key)}\\s*:`);
    const i = lines.findIndex((l) => re.test(l));
    return i < 0 ? 1 : i + 1;
  }
  const parentLine = keyLine(fm, parent);
  const re = new RegExp(`^\\s+${quoted(key)}\\s*:`);
  for (let i = parentLine; i < lines.length; i++) {
    if (/^\S/.test(lines[i])) break;
    if (re.test(lines[i])) return i + 1;
  }
  return parentLine;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
