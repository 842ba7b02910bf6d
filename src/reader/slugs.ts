// Heading slugs as GitHub makes them (lowercase, punctuation and symbols removed,
// spaces to hyphens, repeats numbered -1, -2, …), so `#fragment` links written for
// GitHub's preview keep working in the book.

/** One GitHub-style slugger: feed headings in order, get unique slugs. */
export class Slugger {
  private readonly occurrences = new Map<string, number>();

  constructor(
    /** Slugs that must not be handed out (other fragment ids in the editions). */
    private readonly reserved: (slug: string) => boolean = () => false,
    /** Longest base slug, before a -N suffix; GitHub has no limit. */
    private readonly maxLength = Infinity,
  ) {}

  slug(text: string): string {
    let base = githubSlug(text);
    if (base.length > this.maxLength) base = [...base].slice(0, this.maxLength).join('').replace(/-+$/, '');
    if (base === '') base = 'section';
    // A reserved pattern may cover every numbered variant too (`page-…`); a prefix
    // no reserved id has makes the loop below end.
    if (this.reserved(base)) base = `section-${base}`;
    let result = base;
    while (this.occurrences.has(result) || this.reserved(result)) {
      const n = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, n);
      result = `${base}-${n}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

/** github-slugger's transformation of one heading's text (without de-duplication). */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
