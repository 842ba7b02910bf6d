// One line of `imprint check`'s report.

export type CheckStatus = 'ok' | 'FAIL' | 'skipped';

export interface CheckResult {
  status: CheckStatus;
  /** What was checked, e.g. `EPUBCheck 4.2.6` or `fonts embedded`. */
  name: string;
  /** The finding in plain words: what is right, or what a store or archive would reject and why. */
  detail: string;
  /** Evidence shown under a failure (first few validator messages, offending lines). */
  notes?: string[];
}

export const ok = (name: string, detail: string, notes?: string[]): CheckResult => ({ status: 'ok', name, detail, notes });
export const fail = (name: string, detail: string, notes?: string[]): CheckResult => ({ status: 'FAIL', name, detail, notes });
export const skipped = (name: string, detail: string): CheckResult => ({ status: 'skipped', name, detail });

/** Notes shown under one check at most; the rest are counted. */
export const MAX_NOTES = 10;

export function limitNotes(notes: string[], max = MAX_NOTES): string[] {
  if (notes.length <= max) return notes;
  return [...notes.slice(0, max), `… and ${notes.length - max} more`];
}
