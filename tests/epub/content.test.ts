// The XHTML the EPUB carries: well-formed documents in the book's language,
// navigation that mirrors the headings, pop-up footnotes, tables, figures, task
// lists, cross-references, landmarks, escaping and a stylesheet that leaves the
// reader in charge.

import { describe, expect, test } from 'vitest';
import type { Book, Inline } from '../../src/model/document.js';
import { epubcheck, requireTool } from '../support/tools.js';
import { sampleBook } from '../support/sample-book.js';
import { elements, epubType, EPUB_NS, ids, NCX_NS, parseXml, readPackage, render, textOf, XHTML_NS } from './helpers.js';
import type { Element, Node } from '@xmldom/xmldom';

async function xhtmlFiles(epub: Awaited<ReturnType<typeof render>>['epub']): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const n of epub.names.filter((n) => n.endsWith('.xhtml'))) out.set(n, await epub.text(n));
  return out;
}

function directChildren(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) out.push(c as Element);
  return out;
}

interface Outline {
  text: string;
  href: string;
  children: Outline[];
}

function navOutline(ol: Element): Outline[] {
  return directChildren(ol, 'li').map((li) => {
    const a = directChildren(li, 'a')[0];
    const sub = directChildren(li, 'ol')[0];
    return { text: textOf(a), href: a.getAttribute('href')!, children: sub ? navOutline(sub) : [] };
  });
}

function ncxOutline(parent: Element): Outline[] {
  return directChildren(parent, 'navPoint').map((p) => ({
    text: textOf(elements(p, 'text', NCX_NS)[0]),
    href: elements(p, 'content', NCX_NS)[0].getAttribute('src')!,
    children: ncxOutline(p),
  }));
}

describe('every content document', () => {
  test('parses as XML, declares the XHTML and epub namespaces and the book language', async () => {
    const { epub } = await render(sampleBook());
    const files = await xhtmlFiles(epub);
    expect([...files.keys()].sort()).toEqual(
      ['ch01', 'ch02', 'colophon', 'cover', 'titlepage', 'toc'].map((f) => `OEBPS/${f}.xhtml`),
    );
    for (const [name, text] of files) {
      const doc = parseXml(text, name);
      const html = doc.documentElement!;
      expect(html.namespaceURI, name).toBe(XHTML_NS);
      expect(html.lookupNamespaceURI('epub'), name).toBe(EPUB_NS);
      expect(html.getAttribute('xml:lang'), name).toBe('en');
      expect(html.getAttribute('lang'), name).toBe('en');
      expect(elements(doc, 'title')[0] && textOf(elements(doc, 'title')[0]).length, name).toBeGreaterThan(0);
      // Nothing Send-to-Kindle or a script-less reader would balk at.
      expect(text, name).not.toMatch(/<(script|form|input|button|iframe|object|embed)\b/);
      expect(text, name).not.toMatch(/\sstyle="/);
      expect(text, name).not.toMatch(/\son[a-z]+="/);
    }
    for (const name of ['OEBPS/content.opf', 'OEBPS/toc.ncx']) parseXml(await epub.text(name), name);
  });

  test('no soft hyphens anywhere, even when the manuscript had them', async () => {
    const book = sampleBook();
    const para = book.chapters[1].blocks.at(-1)!;
    if (para.type !== 'paragraph') throw new Error('sample changed');
    para.content.unshift({ type: 'text', value: 'hy\u00ADphen\u00ADated ' });
    book.meta.title = 'Soft\u00ADhyphen';
    const { epub } = await render(book);
    for (const name of epub.names.filter((n) => /\.(xhtml|opf|ncx|css)$/.test(n))) {
      expect(await epub.text(name), name).not.toContain('\u00AD');
    }
    expect(await epub.text('OEBPS/ch02.xhtml')).toContain('hyphenated');
  });
});

describe('navigation', () => {
  test('the contents nav mirrors the headings to toc depth, in order, with fragments that exist', async () => {
    const book = sampleBook();
    const { epub } = await render(book);
    const nav = parseXml(await epub.text('OEBPS/toc.xhtml'), 'toc.xhtml');
    const toc = elements(nav, 'nav').find((n) => epubType(n) === 'toc')!;
    expect(toc.getAttribute('role')).toBe('doc-toc');
    const outline = navOutline(directChildren(toc, 'ol')[0]);
    const expected = (entries: Book['toc']): Outline[] =>
      entries.map((e) => ({ text: e.text, href: `ch0${e.chapter + 1}.xhtml#${e.slug}`, children: expected(e.children) }));
    expect(outline).toEqual(expected(book.toc));
    // Emphasis in a heading survives into its entry.
    expect(await epub.text('OEBPS/toc.xhtml')).toContain('<a href="ch01.xhtml#first-chapter">First <em>Chapter</em></a>');
    // Depth 3 heading "A third level" is below toc-depth 2: not listed.
    expect(JSON.stringify(outline)).not.toContain('a-third-level');
    // Every fragment resolves in its file.
    const all = (o: Outline[]): Outline[] => o.flatMap((x) => [x, ...all(x.children)]);
    for (const entry of all(outline)) {
      const [file, frag] = entry.href.split('#');
      expect(ids(parseXml(await epub.text(`OEBPS/${file}`), file)).has(frag), entry.href).toBe(true);
    }
  });

  test('the NCX mirrors the nav, with a depth to match and the package identifier', async () => {
    const { epub } = await render(sampleBook());
    const nav = parseXml(await epub.text('OEBPS/toc.xhtml'), 'toc.xhtml');
    const toc = elements(nav, 'nav').find((n) => epubType(n) === 'toc')!;
    const ncx = parseXml(await epub.text('OEBPS/toc.ncx'), 'toc.ncx');
    const navMap = elements(ncx, 'navMap', NCX_NS)[0];
    expect(ncxOutline(navMap)).toEqual(navOutline(directChildren(toc, 'ol')[0]));
    const metas = new Map(elements(ncx, 'meta', NCX_NS).map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    expect(metas.get('dtb:depth')).toBe('2');
    expect(metas.get('dtb:uid')).toBe('urn:uuid:3f1e6b0a-7c1d-5e2f-9a4b-0c1d2e3f4a5b');
    expect(metas.get('dtb:totalPageCount')).toBe('0');
    expect(elements(ncx, 'docAuthor', NCX_NS).map(textOf)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    const orders = elements(ncx, 'navPoint', NCX_NS).map((p) => p.getAttribute('playOrder'));
    expect(orders).toEqual(['1', '2', '3', '4']);
  });

  test('text before the first heading is listed under its chapter title, first', async () => {
    const book = sampleBook();
    book.chapters.unshift({ index: 0, id: 'ch00', title: book.meta.title, notes: [], blocks: [{ type: 'paragraph', id: 'b0', pos: { file: 'x.md', line: 1 }, content: [{ type: 'text', value: 'A lede.' }] }] });
    book.chapters.forEach((c, i) => (c.index = i));
    const shift = (e: Book['toc'][number]): void => {
      e.chapter += 1;
      e.children.forEach(shift);
    };
    book.toc.forEach(shift);
    book.notes.forEach((n) => (n.chapter += 1));
    const { epub } = await render(book);
    const nav = parseXml(await epub.text('OEBPS/toc.xhtml'), 'toc.xhtml');
    const toc = elements(nav, 'nav').find((n) => epubType(n) === 'toc')!;
    const top = navOutline(directChildren(toc, 'ol')[0]).map((o) => [o.text, o.href]);
    expect(top).toEqual([
      ['A Sample & <Book>', 'ch00.xhtml'],
      ['First Chapter', 'ch01.xhtml#first-chapter'],
      ['Second Chapter', 'ch02.xhtml#second-chapter'],
    ]);
    const ncx = await epub.text('OEBPS/toc.ncx');
    expect(ncx).toMatch(/<navPoint id="navpoint-1" playOrder="1">\s*<navLabel><text>A Sample &amp; &lt;Book&gt;<\/text><\/navLabel>\s*<content src="ch00.xhtml"\/>/);
    const lede = parseXml(await epub.text('OEBPS/ch00.xhtml'), 'ch00');
    expect(elements(lede, 'section').map((s) => s.getAttribute('role'))).toEqual([null]);
  });

  test('landmarks: cover, title page, contents, start of text, copyright page', async () => {
    const { epub } = await render(sampleBook());
    const nav = parseXml(await epub.text('OEBPS/toc.xhtml'), 'toc.xhtml');
    const landmarks = elements(nav, 'nav').find((n) => epubType(n) === 'landmarks')!;
    expect(landmarks.hasAttribute('hidden')).toBe(true);
    const links = elements(landmarks, 'a').map((a) => [epubType(a), a.getAttribute('href')]);
    expect(links).toEqual([
      ['cover', 'cover.xhtml'],
      ['titlepage', 'titlepage.xhtml'],
      ['toc', 'toc.xhtml#toc'],
      ['bodymatter', 'ch01.xhtml'],
      ['copyright-page', 'colophon.xhtml'],
    ]);
    const colophon = parseXml(await epub.text('OEBPS/colophon.xhtml'), 'colophon.xhtml');
    expect(elements(colophon, 'section').map(epubType)).toEqual(['copyright-page']);
    const title = parseXml(await epub.text('OEBPS/titlepage.xhtml'), 'titlepage.xhtml');
    expect(elements(title, 'section').map(epubType)).toEqual(['titlepage']);
  });
});

describe('chapters', () => {
  test('one section per chapter with the chapter role, headings keep their slugs', async () => {
    const { epub } = await render(sampleBook());
    const ch1 = parseXml(await epub.text('OEBPS/ch01.xhtml'), 'ch01');
    const sections = elements(ch1, 'section');
    expect(sections.map((s) => [epubType(s), s.getAttribute('role'), s.getAttribute('aria-labelledby')])).toEqual([
      ['chapter', 'doc-chapter', 'first-chapter'],
    ]);
    expect(elements(ch1, 'h1').map((h) => [h.getAttribute('id'), textOf(h)])).toEqual([['first-chapter', 'First Chapter']]);
    expect(elements(ch1, 'h2').map((h) => [h.getAttribute('id'), textOf(h)])).toEqual([['lists-and-quotes', 'Lists & quotes']]);
    const ch2 = parseXml(await epub.text('OEBPS/ch02.xhtml'), 'ch02');
    expect(elements(ch2, 'h3').map((h) => h.getAttribute('id'))).toEqual(['a-third-level']);
    expect(elements(ch2, 'body')[0].getAttributeNS(EPUB_NS, 'type')).toBe('bodymatter');
  });

  test('footnotes pop up: noteref links without element children, asides with the back link first', async () => {
    const { epub } = await render(sampleBook());
    const ch1 = await epub.text('OEBPS/ch01.xhtml');
    expect(ch1).toContain('<sup><a epub:type="noteref" role="doc-noteref" href="#fn-1" id="fnref-1">1</a></sup>');
    const doc = parseXml(ch1, 'ch01');
    const refs = elements(doc, 'a').filter((a) => epubType(a) === 'noteref');
    for (const a of refs) {
      expect(a.parentNode && (a.parentNode as Element).localName).toBe('sup');
      expect(a.getAttribute('role')).toBe('doc-noteref');
      expect(Array.from(a.childNodes as unknown as ArrayLike<Node>).every((c) => c.nodeType === 3)).toBe(true);
    }
    const asides = elements(doc, 'aside');
    expect(asides.map((a) => [a.getAttribute('id'), epubType(a), a.getAttribute('role')])).toEqual([
      ['fn-1', 'footnote', 'doc-footnote'],
      ['fn-2', 'footnote', 'doc-footnote'],
    ]);
    for (const [i, aside] of asides.entries()) {
      const p = directChildren(aside, 'p')[0];
      const first = p.firstChild as Element;
      expect(first.localName).toBe('a');
      expect(first.getAttribute('href')).toBe(`#fnref-${i + 1}`);
      expect(first.getAttribute('role')).toBe('doc-backlink');
    }
    // The notes close the chapter: nothing but notes after the first aside.
    const section = elements(doc, 'section')[0];
    const last = directChildren(section, 'div').at(-1)!;
    expect(last.getAttribute('class')).toBe('footnotes');
    expect(last.nextSibling && textOf(last.nextSibling).trim()).toBeFalsy();
    expect(textOf(asides[0]).trim()).toBe('1. The first note.');
    // Note 3 lives in chapter 2, which cites it first.
    expect(await epub.text('OEBPS/ch02.xhtml')).toContain('<aside epub:type="footnote" role="doc-footnote" id="fn-3">');
  });

  test('a note cited again gets links without a second id, across chapters too', async () => {
    const book = sampleBook();
    const last = book.chapters[1].blocks.at(-1)!;
    if (last.type !== 'paragraph') throw new Error('sample changed');
    last.content.push({ type: 'text', value: ' Again' }, { type: 'noteref', number: 1 }, { type: 'noteref', number: 3 });
    const { epub } = await render(book);
    const ch2 = await epub.text('OEBPS/ch02.xhtml');
    expect(ch2).toContain('<sup><a epub:type="noteref" role="doc-noteref" href="ch01.xhtml#fn-1">1</a></sup>');
    expect(ch2).toContain('<sup><a epub:type="noteref" role="doc-noteref" href="#fn-3">3</a></sup>');
    expect(ch2.match(/id="fnref-3"/g)).toHaveLength(1);
    expect(ch2).not.toContain('id="fnref-1"');
    expect((await epub.text('OEBPS/ch01.xhtml')).match(/id="fnref-1"/g)).toHaveLength(1);
  });

  test('cross-references resolve to the right file and fragment', async () => {
    const book = sampleBook();
    const last = book.chapters[1].blocks.at(-1)!;
    if (last.type !== 'paragraph') throw new Error('sample changed');
    const link = (slug: string): Inline => ({ type: 'link', href: `#${slug}`, internal: slug, children: [{ type: 'text', value: slug }] });
    last.content.push(link('lists-and-quotes'), link('a-third-level'), link('nowhere'));
    const { epub, diagnostics } = await render(book);
    const ch1 = await epub.text('OEBPS/ch01.xhtml');
    const ch2 = await epub.text('OEBPS/ch02.xhtml');
    expect(ch1).toContain('<a href="#lists-and-quotes">cross-reference</a>');
    expect(ch2).toContain('<a href="ch01.xhtml#lists-and-quotes">lists-and-quotes</a>');
    expect(ch2).toContain('<a href="#a-third-level">a-third-level</a>');
    // A dangling reference becomes plain text, with a warning.
    expect(ch2).not.toContain('#nowhere');
    expect(diagnostics.warnings.map((w) => w.message)).toEqual([expect.stringContaining('#nowhere')]);
    // External links keep their URL, escaped.
    expect(ch1).toContain('<a href="https://example.org/a?b=1&amp;c=2">link</a>');
  });

  test('tables: header cells with column scope, alignment classes, a scrolling wrapper', async () => {
    const { epub } = await render(sampleBook());
    const doc = parseXml(await epub.text('OEBPS/ch02.xhtml'), 'ch02');
    const table = elements(doc, 'table')[0];
    expect((table.parentNode as Element).getAttribute('class')).toBe('table-wrap');
    const ths = elements(table, 'th');
    expect(ths.map((th) => [textOf(th), th.getAttribute('scope'), th.getAttribute('class')])).toEqual([
      ['Name', 'col', 'align-left'],
      ['Count', 'col', 'align-right'],
      ['Note', 'col', 'align-center'],
    ]);
    expect(elements(elements(table, 'thead')[0], 'tr')).toHaveLength(1);
    const rows = elements(elements(table, 'tbody')[0], 'tr').map((tr) => elements(tr, 'td').map(textOf));
    expect(rows).toEqual([
      ['Alpha', '1', 'first'],
      ['Beta', '22', 'second'],
    ]);
    const css = await epub.text('OEBPS/style.css');
    expect(css).toMatch(/\.table-wrap\s*\{[^}]*overflow-x:\s*auto/);
  });

  test('figures, code, lists and task items', async () => {
    const { epub } = await render(sampleBook());
    const ch2 = parseXml(await epub.text('OEBPS/ch02.xhtml'), 'ch02');
    const figures = elements(ch2, 'figure').map((f) => ({
      src: elements(f, 'img')[0].getAttribute('src'),
      alt: elements(f, 'img')[0].getAttribute('alt'),
      caption: textOf(elements(f, 'figcaption')[0]),
    }));
    expect(figures).toEqual([
      { src: 'images/img-png0000001.png', alt: 'A small diagram', caption: 'A diagram' },
      { src: 'images/img-jpg0000002.jpg', alt: 'A photograph', caption: 'A photograph' },
      { src: 'images/img-svg0000003.svg', alt: 'A vector shape', caption: 'A vector shape' },
    ]);
    const code = elements(elements(ch2, 'pre')[0], 'code')[0];
    expect(code.getAttribute('class')).toBe('language-js');
    expect(textOf(code)).toBe('const x = 1 < 2 && "a";\nconsole.log(x);');

    const ch1 = parseXml(await epub.text('OEBPS/ch01.xhtml'), 'ch01');
    const ol = elements(ch1, 'ol')[0];
    expect(ol.getAttribute('start')).toBe('3');
    expect(elements(ch1, 'input')).toEqual([]);
    const boxes = elements(ch1, 'span').filter((s) => s.getAttribute('class') === 'task-box');
    expect(boxes.map((b) => [textOf(b), b.getAttribute('role'), b.getAttribute('aria-label')])).toEqual([
      ['\u2611', 'img', 'done'],
      ['\u2610', 'img', 'not done'],
    ]);
    expect(elements(ch1, 'abbr').map((a) => [a.getAttribute('title'), textOf(a)])).toEqual([['World Health Organization', 'WHO']]);
    expect(elements(ch1, 'br')).toHaveLength(1);
  });
});

describe('escaping', () => {
  const hostile = 'A & <B> "C"';

  async function hostileBook() {
    const book = sampleBook();
    Object.assign(book.meta, {
      title: hostile,
      subtitle: `${hostile} sub`,
      authors: [`${hostile} author`, 'Ada Lovelace'],
      publisher: `${hostile} press`,
      rights: `© ${hostile}`,
      description: `${hostile} description`,
      keywords: [hostile],
      series: `${hostile} series`,
      seriesIndex: 1,
    });
    return render(book);
  }

  test('a title of A & <B> "C" comes out intact in the OPF, NCX, nav and pages', async () => {
    const { epub } = await hostileBook();
    const pkg = await readPackage(epub);
    expect(pkg.dc('title')).toEqual([hostile, `${hostile} sub`]);
    expect(pkg.dc('creator')).toEqual([`${hostile} author`, 'Ada Lovelace']);
    expect(pkg.dc('publisher')).toEqual([`${hostile} press`]);
    expect(pkg.dc('description')).toEqual([`${hostile} description`]);
    expect(pkg.dc('subject')).toEqual([hostile]);
    expect(pkg.meta.get('belongs-to-collection')).toEqual([`${hostile} series`]);
    const ncx = parseXml(await epub.text('OEBPS/toc.ncx'), 'ncx');
    expect(textOf(elements(ncx, 'docTitle', NCX_NS)[0])).toBe(hostile);
    const title = parseXml(await epub.text('OEBPS/titlepage.xhtml'), 'titlepage');
    expect(textOf(elements(title, 'h1')[0])).toBe(hostile);
    expect(textOf(elements(title, 'title')[0])).toBe(hostile);
    const cover = parseXml(await epub.text('OEBPS/cover.xhtml'), 'cover');
    expect(elements(cover, 'img')[0].getAttribute('alt')).toContain(hostile);
    const colophon = parseXml(await epub.text('OEBPS/colophon.xhtml'), 'colophon');
    expect(textOf(colophon.documentElement!)).toContain(`© ${hostile}`);
  });

  test.runIf(requireTool('epubcheck'))('and EPUBCheck is satisfied', async () => {
    const { file } = await hostileBook();
    const r = epubcheck(file);
    expect(r.ok, r.output).toBe(true);
  });
});

describe('language', () => {
  test('labels follow the book language', async () => {
    const book = sampleBook();
    book.meta.lang = 'de-DE';
    const { epub } = await render(book);
    const nav = await epub.text('OEBPS/toc.xhtml');
    expect(nav).toContain('<h1 id="toc-heading">Inhalt</h1>');
    expect(nav).toContain('xml:lang="de-DE" lang="de-DE"');
    expect(await epub.text('OEBPS/ch01.xhtml')).toContain('aria-label="erledigt"');
  });

  test('labels in a language we have no words for are marked as English', async () => {
    const book = sampleBook();
    book.meta.lang = 'ja';
    const { epub } = await render(book);
    expect(await epub.text('OEBPS/toc.xhtml')).toContain('<h1 id="toc-heading" xml:lang="en" lang="en">Contents</h1>');
    const pkg = await readPackage(epub);
    const summary = elements(pkg.doc, 'meta', 'http://www.idpf.org/2007/opf').find((m) => m.getAttribute('property') === 'schema:accessibilitySummary')!;
    expect(summary.getAttribute('xml:lang')).toBe('en');
  });
});

describe('stylesheet', () => {
  test('relative units, no colours, no body font size or line height, hyphenation, fitting images', async () => {
    const { epub } = await render(sampleBook());
    const css = await epub.text('OEBPS/style.css');
    expect(css).not.toMatch(/\d(px|pt|cm|mm|in|pc)\b/);
    expect(css).not.toMatch(/(^|[\s;{])(color|background(-color)?)\s*:/m);
    const rule = (selector: string) => new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(css)?.[2] ?? '';
    for (const sel of ['body', 'p']) {
      expect(rule(sel), sel).not.toMatch(/font-size|line-height|font-family/);
    }
    expect(css).toMatch(/hyphens:\s*auto/);
    expect(rule('img')).toMatch(/max-width:\s*100%/);
  });
});
