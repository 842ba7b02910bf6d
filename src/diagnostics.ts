// Errors and warnings that reach the user. Every message names where the problem
// is (file, and line when known) and what to do, in one line:
//   imprint: manuscript/article.md:4: front matter "date" must be YYYY-MM-DD, got "soon"

import type { SourcePos } from './model/document.js';

/** Exit statuses of the CLI. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** A problem with the manuscript or its resources: exit 1, no stack trace. */
export class InputError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;
  constructor(message: string, where?: Partial<SourcePos>, hint?: string) {
    super(message);
    this.name = 'InputError';
    this.file = where?.file;
    this.line = where?.line;
    this.hint = hint;
  }
}

/** A problem with how the CLI was called: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function formatLocation(where?: Partial<SourcePos>): string {
  if (!where?.file) return '';
  return where.line ? `${where.file}:${where.line}: ` : `${where.file}: `;
}

export interface Warning {
  message: string;
  file?: string;
  line?: number;
}

/** Collects warnings during a build; the CLI prints them to stderr. */
export class Diagnostics {
  readonly warnings: Warning[] = [];
  private readonly seen = new Set<string>();

  warn(message: string, where?: Partial<SourcePos>): void {
    const text = formatLocation(where) + message;
    // The same complaint about the same place once is enough.
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.warnings.push({ message, file: where?.file, line: where?.line });
  }

  static format(w: Warning): string {
    return `imprint: ${formatLocation(w)}warning: ${w.message}`;
  }
}
