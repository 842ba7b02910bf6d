// The real manuscripts through the real reader: the article and the kitchen sink
// come out EPUBCheck-clean, reproducible, with navigation that matches their
// headings and print page markers that land on the right words.

import { describe, expect, test } from 'vitest';
import type { PageStart } from '../../src/editions/edition.js';
import type { Block, Book, TocEntry } from '../../src/model/document.js';
import { epubcheck, requireTool } from '../support/tools.js';
import { ARTICLE, elements, epubType, ids, KITCHEN_SINK, leafWords, parseXml, readBook, readPackage, render, requireReader, textOf, wordsAfterMarkers } from './helpers.js';

/** A page start in the middle of every leaf block that has words: the marker must land on that word. */
function midBlockStarts(book: Book): { starts: PageStart[]; expected: Map<string, string> } {
  const starts: PageStart[] = [];
  const expected = new Map<string, string>();
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'blockquote') walk(b.children);
      else if (b.type === 'list') b.items.forEach((it) => walk(it.children));
      else {
        const words = leafWords(b);
        if (!words.length) continue;
        const word = Math.floor(words.length / 2);
        const label = String(starts.length + 1);
        starts.push({ label, page: starts.length + 1, blockId: b.id, word });
        expected.set(label, words[word]);
      }
    }
  };
  for (const ch of book.chapters) walk(ch.blocks);
  return { starts, expected };
}

function flatToc(entries: readonly TocEntry[]): TocEntry[] {
  return entries.flatMap((e) => [e, ...flatToc(e.children)]);
}

for (const [name, file] of [
  ['article', ARTICLE],
  ['kitchen sink', KITCHEN_SINK],
] as const) {
  describe.runIf(requireReader())(name, () => {
    // With a page list: everything the plain EPUB has, and the page markers besides.
    test.runIf(requireTool('epubcheck'))('EPUBCheck: no errors, no warnings', async () => {
      const book = await readBook(file);
      const { starts } = midBlockStarts(book);
      const paged = await render(book, { pageStarts: starts, printEdition: 'book.pdf' });
      const r = epubcheck(paged.file);
      expect(r.errors, r.output).toBe(0);
      expect(r.warnings, r.output).toBe(0);
      expect(r.ok, r.output).toBe(true);
    });

    test('package metadata, nav and NCX follow the book', async () => {
      const book = await readBook(file);
      const { epub, diagnostics } = await render(book);
      expect(diagnostics.warnings).toEqual([]);
      const pkg = await readPackage(epub);
      expect(pkg.dc('title')).toEqual([book.meta.title, ...(book.meta.subtitle ? [book.meta.subtitle] : [])]);
      expect(pkg.dc('creator')).toEqual(book.meta.authors);
      expect(pkg.dc('language')).toEqual([book.meta.lang]);
      expect(pkg.dc('subject')).toEqual(book.meta.keywords);
      expect(pkg.spine.map((s) => s.idref)).toEqual(['cover', 'titlepage', 'nav', ...book.chapters.map((c) => c.id), 'colophon']);

      const nav = parseXml(await epub.text('OEBPS/toc.xhtml'), 'toc.xhtml');
      const toc = elements(nav, 'nav').find((n) => epubType(n) === 'toc')!;
      const links = elements(toc, 'a');
      // The headings to toc depth, in reading order, after an entry for any text before the first heading.
      const lede = book.chapters.filter((c) => !c.heading).map((c) => ({ text: c.title, href: `${c.id}.xhtml` }));
      const entries = [...lede, ...flatToc(book.toc).map((e) => ({ text: e.text, href: `${book.chapters[e.chapter].id}.xhtml#${e.slug}` }))];
      expect(links.map((a) => ({ text: textOf(a), href: a.getAttribute('href') }))).toEqual(entries);
      for (const a of links) {
        const [f, frag] = a.getAttribute('href')!.split('#');
        if (frag) expect(ids(parseXml(await epub.text(`OEBPS/${f}`), f)).has(frag), a.getAttribute('href')!).toBe(true);
      }
      for (const n of epub.names.filter((n) => n.endsWith('.xhtml'))) parseXml(await epub.text(n), n);
    });

    test('every note is in the chapter that cites it first, reachable both ways', async () => {
      const book = await readBook(file);
      const { epub } = await render(book);
      for (const note of book.notes) {
        const chapterFile = `OEBPS/${book.chapters[note.chapter].id}.xhtml`;
        const doc = parseXml(await epub.text(chapterFile), chapterFile);
        const aside = elements(doc, 'aside').find((a) => a.getAttribute('id') === note.id);
        expect(aside, `${note.id} in ${chapterFile}`).toBeTruthy();
        expect(ids(doc).has(note.refId)).toBe(true);
      }
    });

    test('markers in mid-block land on the right words', async () => {
      const book = await readBook(file);
      const { starts, expected } = midBlockStarts(book);
      const { epub, diagnostics } = await render(book, { pageStarts: starts });
      expect(diagnostics.warnings).toEqual([]);
      const found = new Map<string, string>();
      for (const ch of book.chapters) {
        const doc = parseXml(await epub.text(`OEBPS/${ch.id}.xhtml`), ch.id);
        for (const [, { label, words }] of wordsAfterMarkers(doc)) found.set(label, words[0]);
      }
      expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
    });

    test('two renders are byte-identical', async () => {
      const a = await render(await readBook(file));
      const b = await render(await readBook(file));
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    });
  });
}
