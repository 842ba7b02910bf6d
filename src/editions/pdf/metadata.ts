// Document-level metadata of the PDF: the Info dictionary, an XMP packet that
// says the same thing (PDF/A requires both to agree), and page labels.
//
// pdfkit 0.20.2 interpolates Title/Author/Subject/Keywords into its XMP without
// escaping, so "A & <B>" yields an XMP packet no XML parser accepts. We replace
// the instance's `_addInfo` with an escaping copy of the same packet.

import type PDFDocument from 'pdfkit';
import type { Metadata } from '../../model/document.js';

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject?: string;
  Keywords?: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
}

export function pdfInfo(meta: Metadata, generator: string): PdfInfo {
  const info: PdfInfo = {
    Title: meta.title,
    Author: meta.authors.join(', '),
    Creator: generator,
    Producer: generator,
    CreationDate: meta.buildDate,
  };
  if (meta.description) info.Subject = meta.description;
  if (meta.keywords.length > 0) info.Keywords = meta.keywords.join(', ');
  return info;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Doc = InstanceType<typeof PDFDocument>;

interface XmpHost {
  info: Record<string, unknown>;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/**
 * Replaces pdfkit's XMP writer on this document with one that escapes every value
 * and also records the language. Same namespaces and properties as pdfkit's, so
 * the PDF/A identification pdfkit appends stays valid.
 */
export function installEscapingXmp(doc: Doc, lang: string): void {
  const host = doc as unknown as XmpHost;
  host._addInfo = function addInfo(this: XmpHost) {
    const info = this.info as Record<string, string | Date | undefined>;
    const text = (k: string) => escapeXml(String(info[k] ?? ''));
    const created = (info.CreationDate as Date).toISOString().split('.')[0] + 'Z';
    let xml = `
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${created}</xmp:CreateDate>
            <xmp:CreatorTool>${text('Creator')}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>`;
    if (info.Title) xml += `
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text('Title')}</rdf:li></rdf:Alt></dc:title>`;
    if (info.Author) xml += `
            <dc:creator><rdf:Seq><rdf:li>${text('Author')}</rdf:li></rdf:Seq></dc:creator>`;
    if (info.Subject) xml += `
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text('Subject')}</rdf:li></rdf:Alt></dc:description>`;
    xml += `
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${text('Producer')}</pdf:Producer>`;
    if (info.Keywords) xml += `
            <pdf:Keywords>${text('Keywords')}</pdf:Keywords>`;
    xml += `
        </rdf:Description>
        `;
    this.appendXML(xml);
  };
}

/**
 * Page labels: front matter in lower-case roman numerals from i, the body in
 * arabic numerals from 1. pdfkit has no API for this; the catalog entry is
 * serialised as written (private `_root`, version pinned in package.json).
 */
export function setPageLabels(doc: Doc, frontPages: number): void {
  const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
  const nums: unknown[] = [];
  if (frontPages > 0) nums.push(0, { S: 'r' });
  nums.push(frontPages, { S: 'D', St: 1 });
  root.data.PageLabels = { Nums: nums };
}
