// Shared pieces of the command-line grammar. Parsing happens before any edition
// writer is loaded, so `--help` and bad usage are answered at once.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../diagnostics.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../editions/edition.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs`, with its complaints turned into usage errors naming the command. */
export function parseOptions<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional.*$/s, '');
    throw new UsageError(`${command}: ${message}`);
  }
}

export function parseFormats(list: string | undefined): Format[] {
  if (list === undefined) return [...DEFAULT_FORMATS];
  const wanted = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError('--formats is empty; give some of epub,pdf,txt,html');
  for (const f of wanted) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--formats: unknown format "${f}"; choose from ${FORMATS.join(',')}`);
  }
  // Canonical order, each once, whatever order they were given in.
  return FORMATS.filter((f) => wanted.includes(f));
}

export function parseInteger(option: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}
