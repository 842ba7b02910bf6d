// The shell every XHTML content document shares: XML declaration, the XHTML and
// `epub` namespaces on `html` (Apple Books needs the latter for note pop-ups), the
// book's language as both xml:lang and lang, and the stylesheet.

import { isRightToLeft } from '../common/writing-direction.js';
import { FILES } from './book-index.js';
import { attrs, esc } from './xml.js';

export interface XhtmlPage {
  lang: string;
  title: string;
  /** `epub:type` of the body (frontmatter, bodymatter, backmatter). */
  bodyType?: string;
  bodyClass?: string;
  body: string;
}

export function xhtmlDocument(p: XhtmlPage): string {
  const dir = isRightToLeft(p.lang) ? 'rtl' : undefined;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE html>\n' +
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${attrs({ 'xml:lang': p.lang, lang: p.lang, dir })}>\n` +
    '<head>\n' +
    '<meta charset="UTF-8"/>\n' +
    `<title>${esc(p.title)}</title>\n` +
    `<link rel="stylesheet" type="text/css" href="${FILES.css}"/>\n` +
    '</head>\n' +
    `<body${attrs({ 'epub:type': p.bodyType, class: p.bodyClass })}>\n` +
    p.body +
    '</body>\n' +
    '</html>\n'
  );
}
