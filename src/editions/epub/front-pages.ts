// The pages the EPUB adds around the text: cover, title page and the copyright /
// colophon page. Everything on them comes from the front matter.

import type { Metadata } from '../../model/document.js';
import type { BookIndex } from './book-index.js';
import { labelLang } from './labels.js';
import { xhtmlDocument } from './xhtml.js';
import { attrs, esc } from './xml.js';

export function coverAlt(ix: BookIndex): string {
  const m = ix.book.meta;
  const title = m.subtitle ? `${m.title}: ${m.subtitle}` : m.title;
  return ix.labels.coverAlt(title, m.authors.join(', '));
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

/** `2024-05-01` as the book's language writes dates; the ISO form if ICU does not know it. */
export function displayDate(date: string, lang: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  } catch {
    return date;
  }
}

export function displayIdentifier(meta: Metadata): string {
  const { value, scheme } = meta.identifier;
  if (scheme === 'isbn') return `ISBN ${value.replace(/^urn:isbn:/i, '')}`;
  return value;
}

export function colophonPage(ix: BookIndex, generator: string, printEdition?: string): string {
  const m = ix.book.meta;
  const l = ix.labels;
  const ll = labelLang(l, m.lang);
  let body = '<section epub:type="copyright-page" class="colophon" aria-labelledby="colophon-heading">\n';
  body += `<h1 id="colophon-heading"${ll}>${esc(l.copyright)}</h1>\n`;
  body += `<p><span class="title">${esc(m.title)}</span>`;
  if (m.subtitle) body += `<br/><span class="subtitle">${esc(m.subtitle)}</span>`;
  body += '</p>\n';
  if (m.authors.length) body += `<p>${m.authors.map(esc).join('<br/>')}</p>\n`;
  if (m.rights) body += `<p>${esc(m.rights)}</p>\n`;
  body += '<dl>\n';
  if (m.publisher) body += `<dt${ll}>${esc(l.publisher)}</dt><dd>${esc(m.publisher)}</dd>\n`;
  body += `<dt${ll}>${esc(l.published)}</dt><dd><time${attrs({ datetime: m.date })}>${esc(displayDate(m.date, m.lang))}</time></dd>\n`;
  body += `<dt${ll}>${esc(l.identifier)}</dt><dd>${esc(displayIdentifier(m))}</dd>\n`;
  body += '</dl>\n';
  if (printEdition) body += `<p${ll}>${esc(l.pageNumbersFrom(printEdition))}</p>\n`;
  body += `<p${ll}>${esc(l.producedWith(generator))}</p>\n`;
  body += '</section>\n';
  return xhtmlDocument({ lang: m.lang, title: l.copyright, bodyType: 'backmatter', body });
}
