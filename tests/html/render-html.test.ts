import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderHtml } from '../../src/editions/html/index.js';
import type { Block, Book, TocEntry } from '../../src/model/document.js';
import { plainText } from '../../src/model/words.js';
import { sampleBook } from '../support/sample-book.js';
import { stressBook } from '../text/stress-book.js';
import { attr, children, classes, descendants, textOf } from './html-tree.js';
import { checkPage } from './page-checks.js';

const render = (book: Book) => renderHtml(book, { diagnostics: new Diagnostics(), generator: 'imprint 0.1.0', width: 72 });

type Tree = { slug: string; text: string; children: Tree[] };
const tocTree = (entries: readonly TocEntry[]): Tree[] => entries.map((e) => ({ slug: e.slug, text: e.text, children: tocTree(e.children) }));
function navTree(ol: Element): Tree[] {
  return children(ol, 'li').map((li) => {
    const a = children(li, 'a')[0];
    const sub = children(li, 'ol')[0];
    return { slug: attr(a, 'href')!.slice(1), text: textOf(a), children: sub ? navTree(sub) : [] };
  });
}

describe('web edition: page structure', () => {
  const book = sampleBook();
  const html = render(book);
  const page = checkPage(book, html);
  const byTag = (tag: string) => page.elements.filter((e) => e.tagName === tag);

  it('is an HTML5 page with language, charset, viewport, a stylesheet and a no-fetch policy', () => {
    const root = byTag('html')[0];
    expect(attr(root, 'lang')).toBe('en');
    expect(attr(root, 'dir')).toBe('ltr');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">/);
    const metas = byTag('meta');
    expect(metas.some((m) => attr(m, 'name') === 'viewport' && /width=device-width/.test(attr(m, 'content')!))).toBe(true);
    const csp = metas.find((m) => attr(m, 'httpEquiv') === 'Content-Security-Policy');
    expect(attr(csp!, 'content')).toContain("default-src 'none'");
    expect(attr(csp!, 'content')).toContain('img-src data:');
    expect(metas.find((m) => attr(m, 'name') === 'generator')?.properties.content).toBe('imprint 0.1.0');
    expect(textOf(byTag('title')[0])).toBe('A Sample & <Book>: Every construct');
    const css = textOf(byTag('style')[0]);
    expect(css).toContain('prefers-color-scheme: dark');
    expect(css).toMatch(/max-width:\s*40em/);
    expect(css).toMatch(/hyphens:\s*auto/);
  });

  it('opens with a title block: title, subtitle, authors, date', () => {
    const header = byTag('header')[0];
    expect(textOf(children(header, 'h1')[0])).toBe('A Sample & <Book>');
    expect(html).toContain('<h1>A Sample &amp; &lt;Book&gt;</h1>');
    expect(textOf(header)).toContain('Every construct');
    expect(textOf(header)).toContain('Ada Lovelace and Charles Babbage');
    const time = descendants(header, (e) => e.tagName === 'time')[0];
    expect(attr(time, 'dateTime')).toBe('2024-05-01');
    expect(textOf(time)).toBe('May 1, 2024');
    // One <h1>: the book's. Chapters start at <h2>.
    expect(byTag('h1')).toHaveLength(1);
  });

  it('has a nested contents nav with the same tree as book.toc, linking to the headings', () => {
    const nav = byTag('nav').filter((n) => attr(n, 'ariaLabel') === 'Contents');
    expect(nav).toHaveLength(1);
    expect(navTree(children(nav[0], 'ol')[0])).toEqual(tocTree(book.toc));
    for (const entry of book.toc.flatMap((e) => [e, ...e.children])) {
      const target = page.elements.find((e) => attr(e, 'id') === entry.slug)!;
      expect(target.tagName).toMatch(/^h[2-6]$/);
      expect(textOf(target)).toBe(entry.text);
    }
  });

  it('sets chapters as sections labelled by their heading, heading levels by outline depth', () => {
    const sections = byTag('section').filter((s) => classes(s).includes('chapter'));
    expect(sections).toHaveLength(book.chapters.length);
    sections.forEach((s, i) => expect(attr(s, 'ariaLabelledBy')).toBe(book.chapters[i].heading!.slug));
    expect(page.elements.find((e) => attr(e, 'id') === 'first-chapter')!.tagName).toBe('h2');
    expect(page.elements.find((e) => attr(e, 'id') === 'lists-and-quotes')!.tagName).toBe('h3');
    expect(page.elements.find((e) => attr(e, 'id') === 'a-third-level')!.tagName).toBe('h4');
  });

  it('links note references to per-chapter footnotes with back links', () => {
    const sections = byTag('section').filter((s) => classes(s).includes('chapter'));
    book.chapters.forEach((chapter, c) => {
      const asides = descendants(sections[c], (e) => e.tagName === 'aside');
      expect(asides.map((a) => attr(a, 'id'))).toEqual(chapter.notes.map((n) => `fn-${n}`));
      for (const aside of asides) {
        expect(attr(aside, 'role')).toBe('doc-footnote');
        const n = Number(attr(aside, 'id')!.slice(3));
        const back = descendants(aside, (e) => attr(e, 'role') === 'doc-backlink')[0];
        expect(attr(back, 'href')).toBe(`#fnref-${n}`);
        const ref = page.elements.find((e) => attr(e, 'id') === `fnref-${n}`)!;
        expect(attr(ref, 'role')).toBe('doc-noteref');
        expect(attr(ref, 'href')).toBe(`#fn-${n}`);
        expect(textOf(ref)).toBe(String(n));
        const body = book.notes[n - 1].children[0] as Extract<Block, { type: 'paragraph' }>;
        expect(textOf(aside)).toContain(plainText(body.content));
      }
    });
    expect(textOf(page.elements.find((e) => attr(e, 'id') === 'fn-2')!)).toContain('The second note, cited in a quote.');
  });

  it('gives a note cited twice two reference ids and two back links', () => {
    const b = sampleBook();
    const last = b.chapters[1].blocks.at(-1) as Extract<Block, { type: 'paragraph' }>;
    last.content.push({ type: 'text', value: ' Again' }, { type: 'noteref', number: 1 });
    const p = checkPage(b, render(b));
    const refs = p.elements.filter((e) => attr(e, 'role') === 'doc-noteref' && attr(e, 'href') === '#fn-1');
    expect(refs.map((r) => attr(r, 'id'))).toEqual(['fnref-1', 'fnref-1-2']);
    const aside = p.elements.find((e) => attr(e, 'id') === 'fn-1')!;
    expect(descendants(aside, (e) => attr(e, 'role') === 'doc-backlink').map((a) => attr(a, 'href'))).toEqual(['#fnref-1', '#fnref-1-2']);
  });

  it('sets inline styles, links, code, lists, tables and figures as their HTML elements', () => {
    expect(html).toContain('<em>emphasis</em>, <strong>strong</strong>, <del>struck</del>, <code>code &lt;b&gt;</code>, H<sub>2</sub>O');
    expect(html).toContain('<abbr title="World Health Organization">WHO</abbr>');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">link</a>');
    expect(html).toContain('<a href="#lists-and-quotes">cross-reference</a>');
    expect(html).toContain('<br>\nAfter a hard break');
    expect(html).toContain('<pre><code class="language-js">const x = 1 &lt; 2 &amp;&amp; "a";\nconsole.log(x);</code></pre>');
    expect(html).toContain('<ol start="3">\n<li>Three</li>');
    const boxes = byTag('input');
    expect(boxes.map((b) => [attr(b, 'type'), b.properties.checked === true, b.properties.disabled === true])).toEqual([
      ['checkbox', true, true],
      ['checkbox', false, true],
    ]);
    const table = byTag('table')[0];
    const ths = descendants(table, (e) => e.tagName === 'th');
    expect(ths.map((t) => [textOf(t), attr(t, 'scope'), classes(t)[0]])).toEqual([
      ['Name', 'col', 'align-left'], ['Count', 'col', 'align-right'], ['Note', 'col', 'align-center'],
    ]);
    expect(descendants(table, (e) => e.tagName === 'tr')).toHaveLength(3);
    const figures = byTag('figure');
    expect(figures.map((f) => textOf(children(f, 'figcaption')[0]))).toEqual(['A diagram', 'A photograph', 'A vector shape']);
    expect(figures.map((f) => attr(children(f, 'img')[0], 'alt'))).toEqual(['A small diagram', 'A photograph', 'A vector shape']);
    expect(figures.map((f) => attr(children(f, 'img')[0], 'width'))).toEqual(['64', '64', '120']);
  });

  it('ends with a colophon: rights, publisher, identifier, date, generator', () => {
    const footer = byTag('footer')[0];
    const text = textOf(footer);
    for (const part of ['© 2024 The Authors', 'Imprint Press', 'urn:uuid:3f1e6b0a-7c1d-5e2f-9a4b-0c1d2e3f4a5b', 'May 1, 2024', 'Produced with imprint 0.1.0']) {
      expect(text).toContain(part);
    }
  });

  it('is deterministic', () => {
    expect(render(sampleBook())).toBe(html);
  });
});

describe('web edition: hostile and unusual input', () => {
  it('escapes everything from the manuscript and drops unsafe link targets', () => {
    const book = sampleBook();
    book.meta.title = '</title><script>alert(1)</script>';
    book.meta.description = '"><script>alert(2)</script>';
    book.meta.authors = ['<img src=x onerror=alert(3)>'];
    const pos = { file: 'x.md', line: 1 };
    book.chapters[0].blocks.push({
      type: 'paragraph', id: 'h1', pos, content: [
        { type: 'text', value: '<script>alert(4)</script> & \u0000\u0007 ok' },
        { type: 'link', href: 'javascript:alert(5)', children: [{ type: 'text', value: 'bad link' }] },
        { type: 'link', href: 'https://example.org/"onmouseover="alert(6)', title: '" onclick="x', children: [{ type: 'text', value: 'quoted' }] },
        { type: 'image', resource: 'img-png0000001', alt: '" onerror="alert(7)', pos },
        { type: 'code', value: '</code><script>' },
      ],
    });
    const html = render(book);
    const page = checkPage(book, html);
    expect(textOf(page.elements.find((e) => e.tagName === 'title')!)).toBe('</title><script>alert(1)</script>: Every construct');
    expect(html).toContain('&lt;script&gt;alert(4)&lt;/script&gt; &amp;  ok');
    expect(html).toContain('bad link');
    expect(html).not.toContain('alert(5)');
    const img = page.elements.find((e) => e.tagName === 'img' && classes(e).includes('inline'))!;
    expect(attr(img, 'alt')).toBe('" onerror="alert(7)');
  });

  it('sets right-to-left books right to left', () => {
    const book = sampleBook();
    book.meta.lang = 'he';
    const html = render(book);
    checkPage(book, html);
    expect(html).toContain('<html lang="he" dir="rtl">');
  });

  it('writes its own words in the book language where it can', () => {
    const book = sampleBook();
    book.meta.lang = 'de-AT';
    const page = checkPage(book, render(book));
    expect(page.elements.some((e) => e.tagName === 'nav' && attr(e, 'ariaLabel') === 'Inhalt')).toBe(true);
    book.meta.lang = 'ja';
    const ja = checkPage(book, render(book));
    // No Japanese labels: English, marked as English.
    const nav = ja.elements.find((e) => e.tagName === 'nav')!;
    expect([attr(nav, 'ariaLabel'), attr(nav, 'lang')]).toEqual(['Contents', 'en']);
    book.meta.lang = 'it';
    const it = checkPage(book, render(book));
    // Italian has its contents word (the PDF's), not yet the others.
    const itNav = it.elements.find((e) => e.tagName === 'nav')!;
    expect([attr(itNav, 'ariaLabel'), attr(itNav, 'lang')]).toEqual(['Indice', undefined]);
    const notes = it.elements.find((e) => e.tagName === 'section' && classes(e).includes('notes'))!;
    expect([attr(notes, 'ariaLabel'), attr(notes, 'lang')]).toEqual(['Notes', 'en']);
  });

  it('keeps its promises on the stress book', () => {
    const book = stressBook();
    const page = checkPage(book, render(book));
    expect(page.elements.filter((e) => e.tagName === 'aside')).toHaveLength(4);
  });
});

describe('web edition: cover', () => {
  it('shows the cover image above the title, inlined, with alt text', () => {
    const book = sampleBook();
    book.meta.cover = 'img-jpg0000002';
    const page = checkPage(book, render(book));
    const header = page.elements.find((e) => e.tagName === 'header')!;
    const [img, h1] = children(header);
    expect(img.tagName).toBe('img');
    expect(attr(img, 'alt')).toBe('Cover: A Sample & <Book>');
    expect(attr(img, 'src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(h1.tagName).toBe('h1');
  });
});
