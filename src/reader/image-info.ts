// What an image file really is, from its bytes (never its extension), and its
// intrinsic size: PNG from IHDR, JPEG from the SOFn segment (turned by its EXIF
// orientation, as browsers and pdfkit show it), SVG from width/height/viewBox.

import type { MediaType } from '../model/document.js';

export type ImageInfo =
  | { ok: true; mediaType: MediaType; width: number; height: number; note?: string }
  | { ok: false; problem: string; hint?: string };

export function imageInfo(data: Buffer): ImageInfo {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) return png(data);
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return jpeg(data);
  const other = otherFormat(data);
  if (other) return { ok: false, problem: `is a ${other} image`, hint: 'convert it to PNG, JPEG or SVG' };
  if (looksLikeSvg(data)) return svg(data);
  return { ok: false, problem: 'is not a PNG, JPEG or SVG image', hint: 'convert it to PNG, JPEG or SVG' };
}

function png(data: Buffer): ImageInfo {
  if (data.length < 24 || data.toString('latin1', 12, 16) !== 'IHDR') return damaged('PNG');
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (width === 0 || height === 0) return damaged('PNG');
  return { ok: true, mediaType: 'image/png', width, height };
}

function jpeg(data: Buffer): ImageInfo {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return damaged('JPEG');
    const marker = data[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = data.readUInt16BE(i + 2);
    if (length < 2) return damaged('JPEG');
    if (marker === 0xe1) orientation = exifOrientation(data, i + 4, i + 2 + length) ?? orientation;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > data.length) return damaged('JPEG');
      const height = data.readUInt16BE(i + 5);
      const width = data.readUInt16BE(i + 7);
      if (width === 0 || height === 0) return damaged('JPEG');
      const turned = orientation >= 5 && orientation <= 8;
      return { ok: true, mediaType: 'image/jpeg', width: turned ? height : width, height: turned ? width : height };
    }
    i += 2 + length;
  }
  return damaged('JPEG');
}

/** The EXIF Orientation tag (0x0112) of an APP1 segment spanning [start, end), if any. */
function exifOrientation(data: Buffer, start: number, end: number): number | undefined {
  if (end > data.length || end - start < 14 || data.toString('latin1', start, start + 6) !== 'Exif\0\0') return undefined;
  const tiff = start + 6;
  const little = data.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (at: number) => (at + 2 <= end ? (little ? data.readUInt16LE(at) : data.readUInt16BE(at)) : undefined);
  const u32 = (at: number) => (at + 4 <= end ? (little ? data.readUInt32LE(at) : data.readUInt32BE(at)) : undefined);
  const ifd = u32(tiff + 4);
  if (ifd === undefined) return undefined;
  const count = u16(tiff + ifd);
  if (count === undefined) return undefined;
  for (let k = 0; k < count; k++) {
    const entry = tiff + ifd + 2 + k * 12;
    if (entry + 12 > end) return undefined;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

function otherFormat(data: Buffer): string | undefined {
  const head = data.toString('latin1', 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'GIF';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'WebP';
  if (head.slice(4, 12) === 'ftypavif' || head.slice(4, 12) === 'ftypheic') return 'AVIF/HEIC';
  if (head.startsWith('BM')) return 'BMP';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'TIFF';
  if (head.startsWith('%PDF')) return 'PDF';
  return undefined;
}

function svgText(data: Buffer): string {
  return data.toString('utf8').replace(/^\uFEFF/, '');
}

function looksLikeSvg(data: Buffer): boolean {
  const head = svgText(data.subarray(0, 64 * 1024));
  const withoutProlog = head.replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i, '');
  return /^<svg[\s>/]/.test(withoutProlog);
}

const PX_PER: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, em: 16, ex: 8 };

function svg(data: Buffer): ImageInfo {
  const text = svgText(data);
  // Renderers and reading systems would run these or fetch these; a book needs neither.
  if (/<!ENTITY/i.test(text)) return { ok: false, problem: 'is an SVG with entity declarations', hint: 'remove the <!DOCTYPE …> block' };
  if (/<script[\s>/]/i.test(text)) return { ok: false, problem: 'is an SVG with a script', hint: 'remove the <script> element' };
  if (/<foreignObject[\s>/]/i.test(text)) return { ok: false, problem: 'is an SVG with HTML inside (<foreignObject>)', hint: 'convert it to plain SVG or PNG' };
  if (/\son[a-z]+\s*=\s*["']/i.test(text)) return { ok: false, problem: 'is an SVG with event handlers (on…= attributes)', hint: 'remove them' };
  if (/\s(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg);)/i.test(text) || /url\(\s*["']?\s*(?!#|data:image\/(?:png|jpeg);)[a-z][a-z0-9+.-]*:/i.test(text) || /@import/i.test(text)) {
    return { ok: false, problem: 'is an SVG that refers to other files or URLs', hint: 'embed what it needs, or convert it to PNG' };
  }
  const tag = tags(text).find((t) => /^<svg[\s>/]/i.test(t));
  if (!tag) return damaged('SVG');
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(m[1], m[2] ?? m[3]);
  const length = (v: string | undefined): number | undefined => {
    const m = v === undefined ? null : /^\s*(\d*\.?\d+(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex)?\s*$/i.exec(v);
    if (!m) return undefined;
    const n = Number(m[1]) * PX_PER[(m[2] ?? '').toLowerCase()];
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  let width = length(attrs.get('width'));
  let height = length(attrs.get('height'));
  const vb = (attrs.get('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const viewBox = vb.length === 4 && vb.every(Number.isFinite) && vb[2] > 0 && vb[3] > 0 ? { w: vb[2], h: vb[3] } : undefined;
  let note: string | undefined;
  if (width === undefined && height === undefined) {
    if (viewBox) ({ w: width, h: height } = viewBox);
    else {
      width = 300;
      height = 150;
      note = 'has no width, height or viewBox; assuming 300×150';
    }
  } else if (width === undefined) {
    width = viewBox ? (height! * viewBox.w) / viewBox.h : height;
  } else if (height === undefined) {
    height = viewBox ? (width * viewBox.h) / viewBox.w : width;
  }
  const round = (n: number) => Math.max(1, Math.round(n * 100) / 100);
  return { ok: true, mediaType: 'image/svg+xml', width: round(width!), height: round(height!), note };
}

function damaged(kind: string): ImageInfo {
  return { ok: false, problem: `is a damaged ${kind} file (its size cannot be read)`, hint: 'open and re-save it in an image editor' };
}

/** The start and end tags of an XML text, `<` to `>` with quoted values honoured, in one pass. */
function tags(text: string): string[] {
  const out: string[] = [];
  let i = text.indexOf('<');
  while (i >= 0) {
    const skipTo = text.startsWith('<!--', i) ? '-->' : text.startsWith('<![CDATA[', i) ? ']]>' : text.startsWith('<?', i) ? '?>' : '';
    if (skipTo) {
      const end = text.indexOf(skipTo, i);
      if (end < 0) break;
      i = text.indexOf('<', end + skipTo.length);
      continue;
    }
    let quote = '';
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= text.length) break;
    out.push(text.slice(i, j + 1));
    i = text.indexOf('<', j + 1);
  }
  return out;
}
