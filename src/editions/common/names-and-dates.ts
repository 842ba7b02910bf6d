// Author lists and dates in the book's language, as every edition writes them (see
// labels.ts for why these live beside the editions and not in the model).
//
// Intl does this for any language, but its first use costs tens of milliseconds of
// ICU loading — more than laying out a whole novel — so US English, the common
// case, is written out here with exactly the output Intl gives for `en` (a test
// holds the two together). Dates take the language's own long form (`dateStyle:
// 'long'`, CLDR's "long date"), not a pattern assembled from year, month and day,
// which for some languages reads oddly (Toki Pona) or drops what the long form has
// (the day's leading zero in Afrikaans or South African English, Hebrew numerals
// in the Hebrew calendar).

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
  const when = new Date(Date.UTC(2000, month - 1, day));
  // Not in Date.UTC: it reads years 0–99 as 1900–1999.
  when.setUTCFullYear(year);
  if (Number.isNaN(when.getTime()) || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return date.trim();
  if (isUsEnglish(lang)) return `${MONTHS_EN[month - 1]} ${day}, ${year}`;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(when);
  } catch {
    return date.trim();
  }
}
