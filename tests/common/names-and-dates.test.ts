// Author lists and dates, as every edition writes them.

import { describe, expect, it } from 'vitest';
import { formatAuthors, formatDate } from '../../src/editions/common/names-and-dates.js';

describe('names and dates', () => {
  it('writes US English exactly as Intl does, without loading it', () => {
    const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    for (const names of [['A'], ['A', 'B'], ['A', 'B', 'C'], ['Ada Lovelace', 'Charles Babbage', 'Mary Somerville', 'Grace Hopper']]) {
      expect(formatAuthors(names, 'en')).toBe(list.format(names));
      expect(formatAuthors(names, 'en-US')).toBe(list.format(names));
    }
    for (let day = Date.UTC(1999, 0, 1); day < Date.UTC(2001, 0, 1); day += 86_400_000 * 3) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(formatDate(iso, 'en')).toBe(date.format(new Date(day)));
    }
    for (const iso of ['0100-01-01', '0999-12-31', '9999-12-31']) {
      expect(formatDate(iso, 'en-US')).toBe(date.format(new Date(`${iso}T00:00:00Z`)));
    }
  });

  it('writes other languages as Intl does: the long date form, lists joined as the language joins them', () => {
    expect(formatAuthors(['A', 'B', 'C'], 'en-GB')).toBe('A, B and C');
    expect(formatAuthors(['A', 'B'], 'de')).toBe('A und B');
    expect(formatAuthors(['A', 'B', 'C'], 'fr')).toBe('A, B et C');
    expect(formatDate('2024-05-01', 'de')).toBe('1. Mai 2024');
    expect(formatDate('2024-05-01', 'fr')).toBe('1 mai 2024');
    expect(formatDate('2024-05-01', 'en-GB')).toBe('1 May 2024');
    for (const lang of ['af', 'hy', 'en-ZA', 'he-u-ca-hebrew', 'ja-u-ca-japanese', 'ar']) {
      const long = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 4, 1)));
      expect(formatDate('2024-05-01', lang), lang).toBe(long);
    }
  });

  it('leaves anything but a real YYYY-MM-DD date as written', () => {
    expect(formatDate('2024-02-30', 'en')).toBe('2024-02-30');
    expect(formatDate('2024-13-01', 'en')).toBe('2024-13-01');
    expect(formatDate('2024-00-10', 'de')).toBe('2024-00-10');
    expect(formatDate(' spring 2024 ', 'en')).toBe('spring 2024');
    expect(formatDate('2024-02-29', 'en')).toBe('February 29, 2024');
    expect(formatDate('2023-02-29', 'en')).toBe('2023-02-29');
    expect(formatAuthors([], 'en')).toBe('');
  });

  it('keeps years before 100 as written (Date.UTC would make 0050 into 1950)', () => {
    expect(formatDate('0050-03-15', 'en')).toBe('March 15, 50');
    expect(formatDate('0050-03-15', 'de')).toContain('50');
    expect(formatDate('0050-03-15', 'de')).not.toContain('1950');
  });
});
