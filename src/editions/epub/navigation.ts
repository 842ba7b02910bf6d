// The navigation document (contents, landmarks, page list) and the EPUB 2 NCX,
// both from one tree so they cannot disagree. The nav document doubles as the
// visible contents page, in the spine after the title page.

import type { TocEntry } from '../../model/document.js';
import { FILES, type BookIndex } from './book-index.js';
import { InlineWriter } from './inlines.js';
import { xhtmlDocument } from './xhtml.js';
import { attrs, esc, langAttrs } from './xml.js';

export interface NavNode {
  /** Label as XHTML phrasing content (emphasis kept, links and note markers dropped). */
  html: string;
  text: string;
  href: string;
  children: NavNode[];
}

export function navTree(ix: BookIndex): NavNode[] {
  const convert = (e: TocEntry): NavNode => {
    const file = ix.chapterFiles[e.chapter] ?? ix.anchorFile.get(e.slug) ?? ix.chapterFiles[0];
    const html = new InlineWriter(ix, FILES.nav, 'label').inlines(e.content).out;
    return { html: html.trim() ? html : esc(e.text), text: e.text, href: `${file}#${e.slug}`, children: e.children.map(convert) };
  };
  // Text before the first heading (an article's lede, a prologue without a title)
  // is a chapter too: list it under its title so the contents reach all the text.
  const items: { chapter: number; start: number; node: NavNode }[] = ix.book.toc.map((e) => ({ chapter: e.chapter, start: 1, node: convert(e) }));
  for (const ch of ix.book.chapters) {
    if (!ch.heading) items.push({ chapter: ch.index, start: 0, node: { html: esc(ch.title), text: ch.title, href: ix.chapterFiles[ch.index], children: [] } });
  }
  // Stable sort: a chapter's own entry first, then its headings in their order.
  const tree = items.sort((a, b) => a.chapter - b.chapter || a.start - b.start).map((i) => i.node);
  if (tree.length) return tree;
  // A book whose headings all lie below the contents depth still needs one entry.
  const title = ix.book.chapters[0]?.title ?? ix.book.meta.title;
  return [{ html: esc(title), text: title, href: ix.chapterFiles[0] ?? FILES.titlePage, children: [] }];
}

function treeDepth(nodes: readonly NavNode[]): number {
  return nodes.reduce((d, n) => Math.max(d, 1 + treeDepth(n.children)), 0);
}

function navList(nodes: readonly NavNode[], indent: string): string {
  let out = `${indent}<ol>\n`;
  for (const n of nodes) {
    out += `${indent}<li><a${attrs({ href: n.href })}>${n.html}</a>`;
    if (n.children.length) out += `\n${navList(n.children, `${indent}  `)}${indent}`;
    out += '</li>\n';
  }
  return `${out}${indent}</ol>\n`;
}

export interface Landmark {
  /** EPUB 3 structural semantics term. */
  type: string;
  /** EPUB 2 guide reference type. */
  guideType: string;
  href: string;
  /** Which of the book's labels names it, and that label. */
  word: 'cover' | 'titlePage' | 'contents' | 'beginReading' | 'copyright';
  label: string;
}

export function landmarkList(ix: BookIndex): Landmark[] {
  const l = ix.labels;
  const landmark = (type: string, guideType: string, href: string, word: Landmark['word']): Landmark => ({ type, guideType, href, word, label: l[word] });
  const out: Landmark[] = [
    landmark('cover', 'cover', FILES.cover, 'cover'),
    landmark('titlepage', 'title-page', FILES.titlePage, 'titlePage'),
    landmark('toc', 'toc', `${FILES.nav}#toc`, 'contents'),
  ];
  const firstText = ix.chapterFiles[0];
  if (firstText) out.push(landmark('bodymatter', 'text', firstText, 'beginReading'));
  out.push(landmark('copyright-page', 'copyright-page', FILES.colophon, 'copyright'));
  return out;
}

export function navDocument(ix: BookIndex, tree: readonly NavNode[]): string {
  const l = ix.labels;
  const lang = ix.book.meta.lang;
  let body = `<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-heading">\n<h1 id="toc-heading"${langAttrs(l.foreignLang('contents'))}>${esc(l.contents)}</h1>\n`;
  body += navList(tree, '');
  body += '</nav>\n';

  const landmarks = landmarkList(ix);
  body += `<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-heading" hidden="hidden">\n<h2 id="landmarks-heading"${langAttrs(l.foreignLang('landmarks'))}>${esc(l.landmarks)}</h2>\n<ol>\n`;
  for (const { type, href, label, word } of landmarks) body += `<li><a${attrs({ 'epub:type': type, href })}${langAttrs(l.foreignLang(word))}>${esc(label)}</a></li>\n`;
  body += '</ol>\n</nav>\n';

  if (ix.placed.length) {
    body += `<nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-heading" hidden="hidden">\n<h2 id="page-list-heading"${langAttrs(l.foreignLang('pages'))}>${esc(l.pages)}</h2>\n<ol>\n`;
    for (const m of ix.placed) body += `<li><a${attrs({ href: `${m.file}#${m.id}` })}>${esc(m.label)}</a></li>\n`;
    body += '</ol>\n</nav>\n';
  }
  return xhtmlDocument({ lang, title: l.contents, bodyType: 'frontmatter', body });
}

/** EPUB 2 table of contents, mirroring the nav document, with the page list when there is one. */
export function ncxDocument(ix: BookIndex, tree: readonly NavNode[], uid: string): string {
  const m = ix.book.meta;
  // playOrder follows reading order and is shared by targets that point to the same place.
  const used = new Set<string>();
  walk(tree, (n) => used.add(n.href));
  for (const p of ix.placed) used.add(`${p.file}#${p.id}`);
  const order = new Map<string, number>();
  for (const t of [...ix.sequence, ...used]) if (used.has(t) && !order.has(t)) order.set(t, order.size + 1);

  let navPointId = 0;
  const points = (nodes: readonly NavNode[], indent: string): string =>
    nodes
      .map((n) => {
        const id = `navpoint-${++navPointId}`;
        return (
          `${indent}<navPoint${attrs({ id, playOrder: order.get(n.href) })}>\n` +
          `${indent}  <navLabel><text>${esc(n.text)}</text></navLabel>\n` +
          `${indent}  <content${attrs({ src: n.href })}/>\n` +
          points(n.children, `${indent}  `) +
          `${indent}</navPoint>\n`
        );
      })
      .join('');

  const numeric = ix.placed.map((p) => (/^\d+$/.test(p.label) ? Number(p.label) : 0));
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"${attrs({ 'xml:lang': m.lang })}>\n`;
  out += '<head>\n';
  out += `  <meta name="dtb:uid"${attrs({ content: uid })}/>\n`;
  out += `  <meta name="dtb:depth" content="${Math.max(1, treeDepth(tree))}"/>\n`;
  out += `  <meta name="dtb:totalPageCount" content="${ix.placed.length}"/>\n`;
  out += `  <meta name="dtb:maxPageNumber" content="${Math.max(0, ...numeric)}"/>\n`;
  out += '</head>\n';
  out += `<docTitle><text>${esc(m.title)}</text></docTitle>\n`;
  for (const a of m.authors) out += `<docAuthor><text>${esc(a)}</text></docAuthor>\n`;
  out += `<navMap>\n${points(tree, '  ')}</navMap>\n`;
  if (ix.placed.length) {
    out += `<pageList>\n  <navLabel><text>${esc(ix.labels.pages)}</text></navLabel>\n`;
    ix.placed.forEach((p, i) => {
      const href = `${p.file}#${p.id}`;
      const type = /^\d+$/.test(p.label) ? 'normal' : /^[ivxlcdm]+$/i.test(p.label) ? 'front' : 'special';
      out +=
        `  <pageTarget${attrs({ id: `pagetarget-${i + 1}`, type, value: type === 'normal' ? p.label : undefined, playOrder: order.get(href) })}>\n` +
        `    <navLabel><text>${esc(p.label)}</text></navLabel>\n` +
        `    <content${attrs({ src: href })}/>\n` +
        '  </pageTarget>\n';
    });
    out += '</pageList>\n';
  }
  return `${out}</ncx>\n`;
}

function walk(nodes: readonly NavNode[], fn: (n: NavNode) => void): void {
  for (const n of nodes) {
    fn(n);
    walk(n.children, fn);
  }
}
