// The 15 MB CJK face and the emoji face are opened only for text that needs them: a
// Latin book (with Greek, Hebrew and symbols) neither parses them nor embeds them.
// (Its own file: vitest gives each test file fresh modules, so the face cache starts empty.)

import { describe, expect, test } from 'vitest';
import { isFaceLoaded } from '../../src/editions/pdf/typeset/faces.js';
import { pdffonts, requireTool } from '../support/tools.js';
import { articleParagraphs } from './corpus.js';
import { renderPdf, serif, typesetter } from './helpers.js';

const haveTools = requireTool('pdffonts');

describe.skipIf(!haveTools)('faces are loaded on demand', () => {
  test('a Latin document never opens nor embeds the CJK and emoji faces', async () => {
    const { ts } = typesetter();
    const para = (text: string, lang = 'en') => ts.setParagraph([{ text, style: serif }], { width: 300, lang, align: 'justify', hyphenate: true });
    const lines = [
      ...articleParagraphs().slice(0, 3).flatMap((p) => para(p)),
      ...para('Ελληνικά, Кириллица, “quotes” — dashes… ☺ ♞ → ✓ © ® ™ 1 # *'),
      ...para('בראשית ברא אלהים', 'he'),
    ];
    const file = await renderPdf(ts, [lines], 'latin.pdf');
    for (const key of ['cjk-regular', 'cjk-bold', 'emoji-regular', 'emoji-bold'] as const) expect(isFaceLoaded(key), key).toBe(false);
    const names = pdffonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('SourceSerif4-Regular');
    expect(names.some((n) => /NotoSerifSC|NotoEmoji/.test(n))).toBe(false);

    para('中文');
    expect(isFaceLoaded('cjk-regular')).toBe(true);
    expect(isFaceLoaded('emoji-regular')).toBe(false);
    para('😀');
    expect(isFaceLoaded('emoji-regular')).toBe(true);
  });
});
