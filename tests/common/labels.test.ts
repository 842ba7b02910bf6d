// The words the editions write themselves come from one table: every edition says
// the same word for the same thing in a book's language, and a word that falls back
// to English says that it is English.

import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { labelsFor, type Words } from '../../src/editions/common/labels.js';
import type { RenderContext } from '../../src/editions/edition.js';
import { renderEpub } from '../../src/editions/epub/index.js';
import { renderHtml } from '../../src/editions/html/index.js';
import { renderPdf } from '../../src/editions/pdf/index.js';
import { renderText } from '../../src/editions/text/index.js';
import { sampleBook } from '../support/sample-book.js';
import { pdfPages, requireTool, unzipEpub, writeTmp } from '../support/tools.js';

const KEYS = Object.keys(labelsFor('en')).filter((k) => k !== 'foreignLang') as (keyof Words)[];
/** Words only the PDF writes, into link descriptions; no translation yet. */
const ENGLISH_ONLY: (keyof Words)[] = ['noteLink', 'pageLink'];

const context = (): RenderContext => ({ diagnostics: new Diagnostics(), generator: 'imprint 0.1.0', width: 72 });

describe('labels', () => {
  it('has every word in English, German, French and Spanish', () => {
    expect(KEYS.length).toBeGreaterThan(15);
    for (const lang of ['en', 'de', 'fr', 'es']) {
      const l = labelsFor(lang);
      const foreign = KEYS.filter((k) => l.foreignLang(k) !== undefined);
      expect(foreign, lang).toEqual(lang === 'en' ? [] : ENGLISH_ONLY);
    }
    expect(labelsFor('de').contents).toBe('Inhalt');
    expect(labelsFor('fr').backToText(3)).toBe('Retour à l’appel de note 3');
    expect(labelsFor('es').coverAlt('T', 'A')).toBe('Cubierta: T, de A');
    expect(labelsFor('en').coverAlt('T', '')).toBe('Cover: T');
  });

  it('goes by the primary language subtag, in any case', () => {
    expect(labelsFor('de-AT').contents).toBe('Inhalt');
    expect(labelsFor('DE-ch').foreignLang('contents')).toBeUndefined();
    expect(labelsFor('en-GB').foreignLang('notes')).toBeUndefined();
    expect(labelsFor('pt-BR').contents).toBe('Sumário');
  });

  it('falls back word by word to English, marked as English', () => {
    const it = labelsFor('it');
    expect([it.contents, it.foreignLang('contents')]).toEqual(['Indice', undefined]);
    expect([it.notes, it.foreignLang('notes')]).toEqual(['Notes', 'en']);
    const ja = labelsFor('ja');
    expect(KEYS.every((k) => ja.foreignLang(k) === 'en')).toBe(true);
    expect(ja.contents).toBe('Contents');
    for (const lang of ['it', 'pt', 'nl', 'ru', 'el', 'he', 'ar']) {
      expect(labelsFor(lang).contents, lang).not.toBe('Contents');
      expect(labelsFor(lang).foreignLang('contents'), lang).toBeUndefined();
    }
  });

  it('gives every edition of an Italian book the same contents heading, and marks the English words', async () => {
    const book = sampleBook();
    book.meta.lang = 'it';
    const text = renderText(book, context());
    expect(text.split('\n')).toContain('Indice');
    expect(text.split('\n')).not.toContain('Contents');

    const html = renderHtml(book, context());
    expect(html).toContain('<nav class="toc" aria-label="Indice">');
    expect(html).toContain('<h2>Indice</h2>');
    expect(html).toMatch(/<section class="notes" role="doc-endnotes" aria-label="Notes" lang="en">/);

    const epub = await unzipEpub(await renderEpub(book, context()));
    const nav = await epub.text('OEBPS/toc.xhtml');
    expect(nav).toContain('<h1 id="toc-heading">Indice</h1>');
    expect(nav).toContain('<a epub:type="toc" href="toc.xhtml#toc">Indice</a>');
    expect(nav).toContain('<h2 id="landmarks-heading" xml:lang="en" lang="en">Landmarks</h2>');
    expect(nav).toContain('<a epub:type="titlepage" href="titlepage.xhtml" xml:lang="en" lang="en">Title page</a>');
    const colophon = await epub.text('OEBPS/colophon.xhtml');
    expect(colophon).toContain('<h1 id="colophon-heading" xml:lang="en" lang="en">Copyright</h1>');
    expect(colophon).toContain('<dt xml:lang="en" lang="en">Published</dt><dd><time datetime="2024-05-01">1 maggio 2024</time></dd>');

    if (requireTool('pdftotext')) {
      const pdf = await renderPdf(book, context());
      const pages = pdfPages(writeTmp('labels-it.pdf', pdf.bytes));
      const contents = pages.find((p) => p.trimStart().startsWith('Indice'));
      expect(contents, 'a contents page headed "Indice"').toBeDefined();
      expect(pages.some((p) => /^Contents$/m.test(p))).toBe(false);
    }
  });
});
