// Looking inside a PDF without a PDF library: its raw text plus every Flate stream
// decompressed, which is enough to find the XMP metadata packet and the catalog
// entries PDF/A depends on, whether or not the writer compressed them.

import { inflateSync, constants as zc } from 'node:zlib';

export interface PdfScan {
  /** The file's bytes as Latin-1 (one char per byte), then each decompressed stream. */
  chunks: string[];
}

/** Decompresses every `stream … endstream` that zlib accepts; others are kept as they are in the file. */
export function scanPdf(bytes: Uint8Array): PdfScan {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = raw.toString('latin1');
  const chunks = [text];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    // Only streams whose dictionary asks for Flate (the dictionary ends just before `stream`).
    const dictStart = text.lastIndexOf('<<', m.index);
    if (dictStart < 0 || !/\/FlateDecode/.test(text.slice(dictStart, m.index))) continue;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      chunks.push(inflateSync(raw.subarray(start, end), { finishFlush: zc.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      // Not zlib data after all (an image filter chain, or damage qpdf --check will report).
    }
    re.lastIndex = end;
  }
  return { chunks };
}

/** Every XMP packet in the file, decoded as UTF-8. */
export function xmpPackets(scan: PdfScan): string[] {
  const out: string[] = [];
  for (const chunk of scan.chunks) {
    const re = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk))) out.push(Buffer.from(m[0], 'latin1').toString('utf8'));
  }
  return out;
}

export function hasKey(scan: PdfScan, key: RegExp): boolean {
  return scan.chunks.some((c) => key.test(c));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/**
 * Whether the XML is well-formed enough for an XMP parser: tags nest and close,
 * attributes are quoted, and `&` and `<` in text are escaped. (pdfkit once wrote
 * titles such as "Tom & Jerry" into XMP unescaped, which archives' validators reject.)
 * Returns the first problem, or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  const stack: string[] = [];
  let i = 0;
  const textProblem = (text: string): string | undefined => {
    const amp = /&(?!(?:#x[0-9a-fA-F]+|#\d+|[A-Za-z_][\w.-]*);)/.exec(text);
    if (amp) return `unescaped "&" near "${text.slice(Math.max(0, amp.index - 20), amp.index + 20).trim()}"`;
    return undefined;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    const tp = textProblem(text);
    if (tp) return tp;
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return 'unterminated processing instruction';
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return 'unterminated comment';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return 'unterminated CDATA section';
      i = end + 3;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(lt));
    if (!tag) return `malformed tag near "${xml.slice(lt, lt + 40).replace(/\s+/g, ' ')}"`;
    const [whole, closing, name, attrs, selfClosing] = tag;
    const ap = textProblem(attrs);
    if (ap) return ap;
    if (closing) {
      const open = stack.pop();
      if (open !== name) return open ? `<${open}> closed by </${name}>` : `</${name}> without an opening tag`;
    } else if (!selfClosing) stack.push(name);
    i = lt + whole.length;
  }
  return stack.length ? `<${stack[stack.length - 1]}> never closed` : undefined;
}

/** The value of an XMP property written as an element (`<pdfaid:part>2</…>`) or an attribute (`pdfaid:part="2"`). */
export function xmpProperty(xmp: string, name: string): string | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const el = new RegExp(`<${esc}>([^<]*)</${esc}>`).exec(xmp);
  if (el) return decodeXmlText(el[1]).trim();
  const attr = new RegExp(`\\s${esc}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
  if (attr) return decodeXmlText(attr[1] ?? attr[2]).trim();
  return undefined;
}

/** `dc:title`'s default-language text. */
export function xmpTitle(xmp: string): string | undefined {
  const block = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(xmp)?.[1];
  if (!block) return undefined;
  const li = /<rdf:li[^>]*x-default[^>]*>([\s\S]*?)<\/rdf:li>/.exec(block) ?? /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(block);
  return li ? decodeXmlText(li[1]).trim() : undefined;
}
