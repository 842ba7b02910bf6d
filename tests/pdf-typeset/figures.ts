// Before/after figures for issues #4 and #7: typographic statistics of the article set
// greedily (pdfkit-like first fit, no hyphenation) and with Knuth–Plass, and the
// throughput of setParagraph on a novel-sized text. Prints, asserts nothing.
//   npx vitest run -c tests/pdf-typeset/figures.config.ts

import { test } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { Typesetter } from '../../src/editions/pdf/typeset/index.js';
import { face } from '../../src/editions/pdf/typeset/faces.js';
import type { TextStyle } from '../../src/editions/pdf/typeset/types.js';
import { articleParagraphs, novelParagraphs } from './corpus.js';

const style: TextStyle = { family: 'serif', bold: false, italic: false, size: 10.5 };

function typography(breaker: 'greedy' | 'knuth-plass', width: number, expansion = true): string {
  const ts = new Typesetter({ lang: 'en', diagnostics: new Diagnostics() });
  let maxRatio = 0;
  let sumRatio = 0;
  let tight = 0;
  for (const p of articleParagraphs()) {
    const lines = ts.setParagraph([{ text: p, style }], { width, lang: 'en', align: 'justify', hyphenate: breaker !== 'greedy', breaker, expansion });
    for (const l of lines.slice(0, -1)) {
      maxRatio = Math.max(maxRatio, l.spaceRatio);
      sumRatio += l.spaceRatio;
      if (l.spaceRatio < 0.85) tight++;
    }
  }
  const s = ts.stats();
  return [
    `${(breaker + (expansion ? '' : ' (no expansion)')).padEnd(26)} ${width}pt`,
    `lines ${s.lines}`,
    `loose(>1.5) ${s.looseLines}`,
    `tight(<0.85) ${tight}`,
    `mean ratio ${(sumRatio / s.justifiedLines).toFixed(3)}`,
    `max ratio ${maxRatio.toFixed(2)}`,
    `hyphenated ${s.hyphenatedLines} (${((1000 * s.hyphenatedLines) / s.lines).toFixed(0)}/1000 lines)`,
    `consecutive pairs ${s.consecutiveHyphens}, longest run ${s.maxHyphenRun}`,
    `overfull ${s.overfullLines}`,
    `passes: hyphenation ${s.hyphenationPasses}/${s.paragraphs}, emergency ${s.emergencyPasses}`,
  ].join(' · ');
}

test('figures', () => {
  const out: string[] = [];
  for (const w of [300, 250, 350]) {
    out.push(typography('greedy', w));
    out.push(typography('knuth-plass', w, false));
    out.push(typography('knuth-plass', w));
  }

  const novel = novelParagraphs();
  const words = novel.reduce((n, p) => n + p.split(/\s+/).length, 0);
  const distinct = new Set(novel.join(' ').split(/\s+/)).size;
  for (const [breaker, expansion] of [['knuth-plass', true], ['knuth-plass', false], ['greedy', false]] as const) {
    const ts = new Typesetter({ lang: 'en', diagnostics: new Diagnostics() });
    const t0 = performance.now();
    let lines = 0;
    for (const p of novel) lines += ts.setParagraph([{ text: p, style }], { width: 300, lang: 'en', align: 'justify', hyphenate: breaker !== 'greedy', breaker, expansion }).length;
    const ms = performance.now() - t0;
    const s = ts.stats();
    out.push(
      `novel-like ${breaker}${expansion ? '' : ' (no expansion)'}: ${words} words (${distinct} distinct tokens), ${novel.length} paragraphs, ${lines} lines in ${ms.toFixed(0)} ms` +
        ` = ${((words / ms) * 1000).toFixed(0)} words/s; loose ${s.looseLines} of ${s.justifiedLines} justified (${((100 * s.looseLines) / s.justifiedLines).toFixed(1)} %),` +
        ` hyphenated ${((1000 * s.hyphenatedLines) / s.lines).toFixed(0)}/1000 lines, consecutive pairs ${s.consecutiveHyphens}, longest run ${s.maxHyphenRun}, emergency passes ${s.emergencyPasses}`,
    );
  }
  const sh = face('serif-regular').shaper;
  out.push(`serif-regular shaping: ${sh.cachedWords} cached words, fast path ${sh.fastWords}, fontkit layout ${sh.fullWords}`);
  // Warm second run over the same text: the caches are full.
  const ts = new Typesetter({ lang: 'en', diagnostics: new Diagnostics() });
  const t0 = performance.now();
  for (const p of novel) ts.setParagraph([{ text: p, style }], { width: 300, lang: 'en', align: 'justify', hyphenate: true });
  const ms = performance.now() - t0;
  out.push(`warm second pass knuth-plass: ${ms.toFixed(0)} ms = ${((words / ms) * 1000).toFixed(0)} words/s`);
  console.log('\n' + out.join('\n'));
});
