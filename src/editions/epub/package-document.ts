// The OPF package document: metadata from the front matter (each author a creator
// of their own, subtitle as a refined title, series, subjects, accessibility),
// the manifest and the spine in reading order.

import type { Metadata } from '../../model/document.js';
import { isRightToLeft } from '../common/writing-direction.js';
import type { A11yMetadata } from './accessibility.js';
import { attrs, esc } from './xml.js';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface SpineItem {
  idref: string;
  linear?: boolean;
}

/** An EPUB 2 `guide` reference (cover, title page, contents, start of text…). */
export interface GuideReference {
  type: string;
  href: string;
  title: string;
}

export interface PackageInput {
  meta: Metadata;
  uid: string;
  manifest: ManifestItem[];
  spine: SpineItem[];
  ncxId: string;
  coverImageId: string;
  a11y: A11yMetadata;
  /** Landmarks again for EPUB 2 reading systems (and Kindle conversion), which read `guide`. */
  guide: GuideReference[];
  certifiedBy: string;
  fontsEmbedded: boolean;
  /** File name of the print edition the page list follows. */
  printEdition?: string;
}

/** The identifier as a URN: ISBNs and UUIDs gain their `urn:` prefix when written bare. */
export function packageIdentifier(meta: Metadata): string {
  const { value, scheme } = meta.identifier;
  const v = value.trim();
  if (scheme === 'isbn') return /^urn:isbn:/i.test(v) ? v : `urn:isbn:${v.replace(/[\s-]/g, '')}`;
  if (scheme === 'uuid') return /^urn:uuid:/i.test(v) ? v : `urn:uuid:${v}`;
  return v;
}

/** "Ada Lovelace" → "Lovelace, Ada"; names already written "Family, Given" stay. */
export function fileAs(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n.includes(',')) return n;
  const parts = n.split(' ');
  if (parts.length < 2) return n;
  // Keep lowercase particles with the family name: "Ludwig van Beethoven" → "van Beethoven, Ludwig".
  let i = parts.length - 1;
  while (i > 1 && /^(van|von|der|den|de|del|della|di|da|du|la|le|ter|ten|bin|ibn|al)$/.test(parts[i - 1])) i--;
  return `${parts.slice(i).join(' ')}, ${parts.slice(0, i).join(' ')}`;
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function packageDocument(p: PackageInput): string {
  const m = p.meta;
  const lines: string[] = [];
  const meta = (property: string, value: string, extra: Record<string, string | undefined> = {}) =>
    lines.push(`    <meta${attrs({ property, ...extra })}>${esc(value)}</meta>`);

  lines.push(`    <dc:identifier id="pub-id">${esc(p.uid)}</dc:identifier>`);
  if (m.identifier.scheme === 'isbn') meta('identifier-type', '15', { refines: '#pub-id', scheme: 'onix:codelist5' });
  lines.push(`    <dc:title id="title">${esc(m.title)}</dc:title>`);
  meta('title-type', 'main', { refines: '#title' });
  meta('display-seq', '1', { refines: '#title' });
  if (m.subtitle) {
    lines.push(`    <dc:title id="subtitle">${esc(m.subtitle)}</dc:title>`);
    meta('title-type', 'subtitle', { refines: '#subtitle' });
    meta('display-seq', '2', { refines: '#subtitle' });
  }
  m.authors.forEach((a, i) => {
    const id = `creator-${i + 1}`;
    lines.push(`    <dc:creator id="${id}">${esc(a)}</dc:creator>`);
    meta('role', 'aut', { refines: `#${id}`, scheme: 'marc:relators' });
    meta('file-as', fileAs(a), { refines: `#${id}` });
    if (m.authors.length > 1) meta('display-seq', String(i + 1), { refines: `#${id}` });
  });
  lines.push(`    <dc:language>${esc(m.lang)}</dc:language>`);
  lines.push(`    <dc:date>${esc(m.date)}</dc:date>`);
  meta('dcterms:modified', isoSeconds(m.buildDate));
  if (m.publisher) lines.push(`    <dc:publisher>${esc(m.publisher)}</dc:publisher>`);
  if (m.rights) lines.push(`    <dc:rights>${esc(m.rights)}</dc:rights>`);
  if (m.description?.trim()) lines.push(`    <dc:description>${esc(m.description)}</dc:description>`);
  for (const k of m.keywords) if (k.trim()) lines.push(`    <dc:subject>${esc(k)}</dc:subject>`);
  if (m.series) {
    meta('belongs-to-collection', m.series, { id: 'series' });
    meta('collection-type', 'series', { refines: '#series' });
    if (m.seriesIndex !== undefined) meta('group-position', String(m.seriesIndex), { refines: '#series' });
  }
  if (p.printEdition) {
    lines.push(`    <dc:source id="print-source">${esc(p.printEdition)}</dc:source>`);
    meta('source-of', 'pagination', { refines: '#print-source' });
  }

  const a = p.a11y;
  // The summary is written in English; say so when the book is not.
  const en = m.lang.toLowerCase().split('-')[0] === 'en' ? {} : { 'xml:lang': 'en' };
  for (const v of a.accessModes) meta('schema:accessMode', v);
  for (const v of a.accessModesSufficient) meta('schema:accessModeSufficient', v);
  for (const v of a.features) meta('schema:accessibilityFeature', v);
  for (const v of a.hazards) meta('schema:accessibilityHazard', v);
  meta('schema:accessibilitySummary', a.summary, en);
  if (a.conformsTo) {
    meta('dcterms:conformsTo', a.conformsTo);
    meta('a11y:certifiedBy', p.certifiedBy);
  }
  if (p.fontsEmbedded) meta('ibooks:specified-fonts', 'true');
  lines.push(`    <meta name="cover"${attrs({ content: p.coverImageId })}/>`);

  const rtl = isRightToLeft(m.lang);
  const prefixes = p.fontsEmbedded ? ' prefix="ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/"' : '';
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id"${attrs({ 'xml:lang': m.lang, dir: rtl ? 'rtl' : undefined })}${prefixes}>\n`;
  out += '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n';
  out += lines.join('\n') + '\n';
  out += '  </metadata>\n';
  out += '  <manifest>\n';
  for (const it of p.manifest) {
    out += `    <item${attrs({ id: it.id, href: it.href, 'media-type': it.mediaType, properties: it.properties })}/>\n`;
  }
  out += '  </manifest>\n';
  out += `  <spine${attrs({ toc: p.ncxId, 'page-progression-direction': rtl ? 'rtl' : undefined })}>\n`;
  for (const s of p.spine) out += `    <itemref${attrs({ idref: s.idref, linear: s.linear === false ? 'no' : undefined })}/>\n`;
  out += '  </spine>\n';
  if (p.guide.length) {
    out += '  <guide>\n';
    for (const g of p.guide) out += `    <reference${attrs({ type: g.type, title: g.title, href: g.href })}/>\n`;
    out += '  </guide>\n';
  }
  out += '</package>\n';
  return out;
}
