// Ace by DAISY (issue #3): zero violations for the sample book (with a print page
// list), the article and the kitchen sink. Ace is not a project dependency: CI
// installs it into .ci/tools/ace (see .ci/run); elsewhere set IMPRINT_ACE to an
// `ace-puppeteer` binary. In CI a missing Ace fails the run.

import { describe, expect, test } from 'vitest';
import type { PageStart } from '../../src/editions/edition.js';
import type { Book } from '../../src/model/document.js';
import { aceCheck, requireAce } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { ARTICLE, KITCHEN_SINK, readBook, render, requireReader } from './helpers.js';

/** One page start per top-level block: enough to put markers in every chapter. */
function everyBlockAPage(book: Book): PageStart[] {
  return book.chapters.flatMap((ch) => ch.blocks).map((b, i) => ({ label: String(i + 1), page: i + 1, blockId: b.id, word: 0 }));
}

function expectNoViolations(file: string): void {
  const r = aceCheck(file);
  const summary = r.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n');
  expect(r.violations, summary || r.output).toEqual([]);
  expect(r.outcome).toBe('pass');
  // Ace finds the metadata we claim.
  const meta = r.report['a11y-metadata'];
  expect(meta.missing).not.toContain('schema:accessibilitySummary');
  expect(meta.present).toEqual(expect.arrayContaining(['schema:accessMode', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'dcterms:conformsTo']));
}

describe.runIf(requireAce())('Ace by DAISY', () => {
  test('sample book with a print page list', async () => {
    const book = sampleBook();
    const { file } = await render(book, { pageStarts: everyBlockAPage(book), printEdition: 'sample.pdf' }, 'sample.epub');
    expectNoViolations(file);
  });

  test('sample book with embedded fonts and no page list', async () => {
    const book = sampleBook();
    book.meta.epub.fonts = true;
    const { file } = await render(book, {}, 'sample-fonts.epub');
    expectNoViolations(file);
  });

  test.runIf(requireReader())('the article', async () => {
    const book = await readBook(ARTICLE);
    const { file } = await render(book, { pageStarts: everyBlockAPage(book), printEdition: 'article.pdf' }, 'article.epub');
    expectNoViolations(file);
  });

  test.runIf(requireReader())('the kitchen sink', async () => {
    const book = await readBook(KITCHEN_SINK);
    const { file } = await render(book, { pageStarts: everyBlockAPage(book), printEdition: 'book.pdf' }, 'kitchen-sink.epub');
    expectNoViolations(file);
  });
});
