// The pages the EPUB adds around the text: cover, title page and the copyright /
// colophon page. Everything on them comes from the front matter.

import { displayIdentifier } from '../common/identifier.js';
import type { Words } from '../common/labels.js';
import { formatAuthors, formatDate } from '../common/names-and-dates.js';
import type { BookIndex } from './book-index.js';
import { xhtmlDocument } from './xhtml.js';
import { attrs, esc, langAttrs } from './xml.js';

export function coverAlt(ix: BookIndex): string {
  const m = ix.book.meta;
  const title = m.subtitle ? `${m.title}: ${m.subtitle}` : m.title;
  // The names are joined in the language of the words around them ("by A and B").
  return ix.labels.coverAlt(title, formatAuthors(m.authors, ix.labels.foreignLang('coverAlt') ?? m.lang));
}

export function coverPage(ix: BookIndex, imageHref: string): string {
  const l = ix.labels;
  return xhtmlDocument({
    lang: ix.book.meta.lang,
    title: l.cover,
    bodyClass: 'cover-page',
    body: `<div class="cover"><img epub:type="cover" role="doc-cover"${attrs({ src: imageHref, alt: coverAlt(ix) })}/></div>\n`,
  });
}

export function titlePage(ix: BookIndex): string {
  const m = ix.book.meta;
  let body = '<section epub:type="titlepage" class="titlepage">\n';
  body += `<h1 class="title">${esc(m.title)}</h1>\n`;
  if (m.subtitle) body += `<p class="subtitle">${esc(m.subtitle)}</p>\n`;
  for (const a of m.authors) body += `<p class="author">${esc(a)}</p>\n`;
  if (m.publisher) body += `<p class="publisher">${esc(m.publisher)}</p>\n`;
  body += '</section>\n';
  return xhtmlDocument({ lang: m.lang, title: m.title, bodyType: 'frontmatter', body });
}

export function colophonPage(ix: BookIndex, generator: string, printEdition?: string): string {
  const m = ix.book.meta;
  const l = ix.labels;
  const ll = (word: keyof Words) => langAttrs(l.foreignLang(word));
  let body = '<section epub:type="copyright-page" class="colophon" aria-labelledby="colophon-heading">\n';
  body += `<h1 id="colophon-heading"${ll('copyright')}>${esc(l.copyright)}</h1>\n`;
  body += `<p><span class="title">${esc(m.title)}</span>`;
  if (m.subtitle) body += `<br/><span class="subtitle">${esc(m.subtitle)}</span>`;
  body += '</p>\n';
  if (m.authors.length) body += `<p>${m.authors.map(esc).join('<br/>')}</p>\n`;
  if (m.rights) body += `<p>${esc(m.rights)}</p>\n`;
  body += '<dl>\n';
  if (m.publisher) body += `<dt${ll('publisher')}>${esc(l.publisher)}</dt><dd>${esc(m.publisher)}</dd>\n`;
  body += `<dt${ll('published')}>${esc(l.published)}</dt><dd><time${attrs({ datetime: m.date })}>${esc(formatDate(m.date, m.lang))}</time></dd>\n`;
  body += `<dt${ll('identifier')}>${esc(l.identifier)}</dt><dd>${esc(displayIdentifier(m.identifier))}</dd>\n`;
  body += '</dl>\n';
  if (printEdition) body += `<p${ll('pageNumbersFrom')}>${esc(l.pageNumbersFrom(printEdition))}</p>\n`;
  body += `<p${ll('producedWith')}>${esc(l.producedWith(generator))}</p>\n`;
  body += '</section>\n';
  return xhtmlDocument({ lang: m.lang, title: l.copyright, bodyType: 'backmatter', body });
}
