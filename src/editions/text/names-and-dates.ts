// Author lists and dates in the book's language. Intl does this for any language,
// but its first use costs tens of milliseconds of ICU loading — more than laying out
// a whole novel — so US English, the common case, is written out here with exactly
// the output Intl gives for `en` (a test holds the two together).

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isUsEnglish(lang: string): boolean {
  const l = lang.toLowerCase();
  return l === 'en' || l === 'en-us';
}

/** "Ada Lovelace and Charles Babbage"; three or more with commas, as the language joins them. */
export function formatAuthors(names: readonly string[], lang: string): string {
  if (names.length <= 1) return names[0] ?? '';
  if (isUsEnglish(lang)) {
    if (names.length === 2) return `${names[0]} and ${names[1]}`;
    return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
  }
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return formatAuthors(names, 'en');
  }
}

/** A YYYY-MM-DD date written out in the language, in UTC so it is the same everywhere; other dates as given. */
export function formatDate(date: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return date.trim();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const when = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(when.getTime()) || when.getUTCDate() !== day) return date.trim();
  if (isUsEnglish(lang)) return `${MONTHS_EN[month - 1]} ${day}, ${year}`;
  try {
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(when);
  } catch {
    return date.trim();
  }
}
