// One answer for every edition to "is this book written right to left?".

import { describe, expect, it } from 'vitest';
import { isRightToLeft } from '../../src/editions/common/writing-direction.js';

describe('writing direction', () => {
  it('knows the right-to-left languages by their primary subtag', () => {
    for (const lang of ['ar', 'ar-EG', 'he', 'HE-il', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr', 'arc', 'ks', 'iw']) {
      expect(isRightToLeft(lang), lang).toBe(true);
    }
    for (const lang of ['en', 'de-AT', 'ja', 'zh-Hant', 'ru', 'ku', 'tr', 'art']) {
      expect(isRightToLeft(lang), lang).toBe(false);
    }
  });

  it('lets an explicit script subtag decide', () => {
    expect(isRightToLeft('ku-Arab')).toBe(true);
    expect(isRightToLeft('ku-arab-IQ')).toBe(true);
    expect(isRightToLeft('pa-Arab')).toBe(true);
    expect(isRightToLeft('az-Arab-IR')).toBe(true);
    expect(isRightToLeft('sd-Deva')).toBe(false);
    expect(isRightToLeft('uz-Latn')).toBe(false);
    expect(isRightToLeft('yi-Hebr')).toBe(true);
  });

  it('reads no script out of an extension', () => {
    expect(isRightToLeft('en-u-nu-arab')).toBe(false);
    expect(isRightToLeft('ar-u-nu-latn')).toBe(true);
    expect(isRightToLeft('en-x-hebr')).toBe(false);
  });
});
