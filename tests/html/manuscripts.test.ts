// The web edition of the real manuscript and of the kitchen-sink fixture, read by
// the Markdown reader.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderHtml } from '../../src/editions/html/index.js';
import type { Book } from '../../src/model/document.js';
import { splitWords } from '../../src/model/words.js';
import { readManuscript } from '../../src/reader/read.js';
import { attr, classes, descendants, textOf } from './html-tree.js';
import { checkPage } from './page-checks.js';

const render = (book: Book) => renderHtml(book, { diagnostics: new Diagnostics(), generator: 'imprint 0.1.0', width: 72 });

describe('web edition of manuscript/article.md', () => {
  let book: Book;
  let html: string;
  beforeAll(async () => {
    book = await readManuscript('manuscript/article.md', { diagnostics: new Diagnostics() });
    html = render(book);
  });

  it('keeps the structural promises and holds every paragraph of the seed article', () => {
    const page = checkPage(book, html);
    const main = page.elements.find((e) => e.tagName === 'main')!;
    const words = `\u0000${splitWords(textOf(main)).join('\u0000')}\u0000`;
    for (const p of readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim())) {
      expect(words.includes(`\u0000${splitWords(p).join('\u0000')}\u0000`), p.slice(0, 60)).toBe(true);
    }
    const paragraphs = page.elements.filter((e) => e.tagName === 'p' && descendants(main, () => true).includes(e));
    expect(paragraphs.length).toBe(15);
  });

  it('lists the eight sections in the contents, each linking to its <h2>', () => {
    const page = checkPage(book, html);
    const nav = page.elements.find((e) => e.tagName === 'nav' && attr(e, 'ariaLabel') === 'Contents')!;
    const links = descendants(nav, (e) => e.tagName === 'a');
    const headings = [...readFileSync('manuscript/article.md', 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(links.map((a) => textOf(a))).toEqual(headings);
    for (const a of links) {
      const target = page.elements.find((e) => attr(e, 'id') === attr(a, 'href')!.slice(1))!;
      expect(target.tagName).toBe('h2');
      expect(textOf(target)).toBe(textOf(a));
    }
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<meta name="description" content="A news analysis of Iran’s refusal');
  });

  it('names rights, publisher, date and generator in the colophon', () => {
    const page = checkPage(book, html);
    const footer = textOf(page.elements.find((e) => e.tagName === 'footer')!);
    for (const part of ['© 2026 Imprint Press. All rights reserved.', 'Imprint Press', 'November 26, 2026', 'Produced with imprint 0.1.0', book.meta.identifier.value]) {
      expect(footer).toContain(part);
    }
  });
});

describe('web edition of the kitchen-sink fixture', () => {
  let book: Book;
  let html: string;
  beforeAll(async () => {
    book = await readManuscript('tests/fixtures/kitchen-sink/book.md', { diagnostics: new Diagnostics() });
    html = render(book);
  });

  it('keeps the structural promises, with PNG, JPEG and SVG inlined', () => {
    const page = checkPage(book, html);
    const srcs = page.elements.filter((e) => e.tagName === 'img').map((e) => attr(e, 'src')!.slice(0, 22));
    expect(srcs).toEqual(['data:image/png;base64,', 'data:image/jpeg;base64', 'data:image/svg+xml;bas']);
  });

  it('gives the twice-cited first note two references and two back links', () => {
    const page = checkPage(book, html);
    const refs = page.elements.filter((e) => attr(e, 'role') === 'doc-noteref' && attr(e, 'href') === '#fn-1');
    expect(refs).toHaveLength(2);
    const ids = refs.map((r) => attr(r, 'id')!);
    expect(ids[0]).toBe('fnref-1');
    const aside = page.elements.find((e) => attr(e, 'id') === 'fn-1')!;
    const back = descendants(aside, (e) => attr(e, 'role') === 'doc-backlink').map((a) => attr(a, 'href'));
    expect(back).toEqual(ids.map((id) => `#${id}`));
    // Notes sit at the end of the chapter that first cites them.
    const sections = page.elements.filter((e) => e.tagName === 'section' && classes(e).includes('chapter'));
    expect(descendants(sections[0], (e) => e.tagName === 'aside').map((a) => attr(a, 'id'))).toEqual(['fn-1', 'fn-2']);
    expect(descendants(sections[1], (e) => e.tagName === 'aside').map((a) => attr(a, 'id'))).toEqual(['fn-3']);
  });

  it('drops the raw HTML’s event handler and keeps a nested contents three levels deep', () => {
    const page = checkPage(book, html);
    expect(html).not.toContain('evil()');
    const nav = page.elements.find((e) => e.tagName === 'nav')!;
    expect(descendants(nav, (e) => e.tagName === 'ol')).toHaveLength(4);
    expect(descendants(nav, (e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual([
      '#first-chapter', '#lists-and-quotes', '#third-level-heading', '#second-chapter', '#code-and-tables',
    ]);
  });
});
