// A minimal PNG writer for opaque RGBA pixels (the generated cover), with zlib from
// Node and no timestamps or text chunks (deterministic). A generated cover is a flat
// field in a few colours plus their anti-aliased blends (the article's has 32), so it
// is written with a palette when it has at most 256 colours: a third of the bytes to
// deflate, a smaller file than resvg's encoder or 8-bit RGB, and a tenth of the time.
// Anything more colourful is written as 8-bit RGB. Rows are unfiltered: filters only
// made these images larger.

import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);

let table: Uint32Array | undefined;

// zlib.crc32 arrived in Node 20.15; the engines field allows any Node 20.
function crc32(data: Uint8Array, crc = 0): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data, crc);
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function header(width: number, height: number, colourType: 2 | 3): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType; // 2 truecolour, 3 indexed
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering (every row says "none")
  ihdr[12] = 0; // no interlace
  return ihdr;
}

/** Palette indices, one row at a time behind a filter byte, or undefined past 256 colours. */
function indexed(rgba: Uint8Array, width: number, height: number): { palette: Buffer; raw: Buffer } | undefined {
  const index = new Map<number, number>();
  const raw = Buffer.alloc((width + 1) * height);
  // Whole pixels at a time where the bytes allow it (aligned, little-endian: R is the low byte).
  const words = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : undefined;
  let o = 0;
  let s = 0;
  // Runs of one colour are long: most pixels repeat their neighbour's lookup.
  let lastColour = -1;
  let lastIndex = 0;
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const rowBytes = width * 4;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    // A cover is mostly rows like the one above (margins, space between lines): copy those.
    if (y > 0 && bytes.compare(bytes, s - rowBytes, s, s, s + rowBytes) === 0) {
      raw.copy(raw, o, o - width - 1, o - 1);
      o += width;
      s += rowBytes;
      continue;
    }
    for (let x = 0; x < width; x++, s += 4) {
      const colour = words ? words[s >> 2] & 0xffffff : rgba[s] | (rgba[s + 1] << 8) | (rgba[s + 2] << 16);
      if (colour !== lastColour) {
        let i = index.get(colour);
        if (i === undefined) {
          if (index.size === 256) return undefined;
          i = index.size;
          index.set(colour, i);
        }
        lastColour = colour;
        lastIndex = i;
      }
      raw[o++] = lastIndex;
    }
  }
  const palette = Buffer.alloc(index.size * 3);
  for (const [colour, i] of index) {
    palette[i * 3] = colour & 0xff;
    palette[i * 3 + 1] = (colour >>> 8) & 0xff;
    palette[i * 3 + 2] = colour >>> 16;
  }
  return { palette, raw };
}

function truecolour(rgba: Uint8Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  let s = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++, s += 4) {
      raw[o++] = rgba[s];
      raw[o++] = rgba[s + 1];
      raw[o++] = rgba[s + 2];
    }
  }
  return raw;
}

/** Encodes `width × height` RGBA pixels as an opaque PNG (alpha dropped: the cover is opaque). */
export async function encodeOpaquePng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const pal = indexed(rgba, width, height);
  // Compressed on the thread pool, alongside the rest of the build's work.
  const idat = await deflate(pal ? pal.raw : truecolour(rgba, width, height), { level: 6 });
  const chunks = [SIGNATURE, chunk('IHDR', header(width, height, pal ? 3 : 2))];
  if (pal) chunks.push(chunk('PLTE', pal.palette));
  chunks.push(chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(chunks));
}
