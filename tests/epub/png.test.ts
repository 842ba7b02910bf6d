// The cover's PNG writer: a palette image when there are at most 256 colours,
// 8-bit RGB beyond, and in both cases exactly the pixels it was given (decoded here
// by hand: chunks, CRCs, zlib, palette).

import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeOpaquePng } from '../../src/editions/epub/png.js';

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  paletteSize?: number;
  rgb: number[];
}

function decode(png: Uint8Array): Decoded {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let o = 8;
  let ihdr: Buffer | undefined;
  let plte: Buffer | undefined;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (o < buf.length) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('latin1', o + 4, o + 8);
    const data = buf.subarray(o + 8, o + 8 + len);
    expect(buf.readUInt32BE(o + 8 + len), `${type} CRC`).toBe(zlib.crc32(buf.subarray(o + 4, o + 8 + len)));
    types.push(type);
    if (type === 'IHDR') ihdr = data;
    if (type === 'PLTE') plte = data;
    if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const width = ihdr!.readUInt32BE(0);
  const height = ihdr!.readUInt32BE(4);
  const colourType = ihdr![9];
  expect(ihdr![8]).toBe(8);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bpp = colourType === 3 ? 1 : 3;
  expect(raw.length).toBe((width * bpp + 1) * height);
  const rgb: number[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * (width * bpp + 1);
    expect(raw[row], 'filter byte').toBe(0);
    for (let x = 0; x < width; x++) {
      const p = row + 1 + x * bpp;
      if (colourType === 3) rgb.push(plte![raw[p] * 3], plte![raw[p] * 3 + 1], plte![raw[p] * 3 + 2]);
      else rgb.push(raw[p], raw[p + 1], raw[p + 2]);
    }
  }
  return { width, height, colourType, paletteSize: plte ? plte.length / 3 : undefined, rgb };
}

function rgbaOf(rgb: number[]): Uint8Array {
  const out = new Uint8Array((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) out.set([rgb[i], rgb[i + 1], rgb[i + 2], 255], j);
  return out;
}

describe('encodeOpaquePng', () => {
  test('a few colours: indexed, with exactly those colours in the palette', async () => {
    const width = 40;
    const height = 30;
    const rgb: number[] = [];
    for (let i = 0; i < width * height; i++) rgb.push(...(i % 7 === 0 ? [0x1e, 0x1c, 0x1a] : i % 11 === 0 ? [0x8c, 0x2f, 0x1e] : [0xf4, 0xef, 0xe4]));
    const d = decode(await encodeOpaquePng(rgbaOf(rgb), width, height));
    expect([d.width, d.height, d.colourType, d.paletteSize]).toEqual([width, height, 3, 3]);
    expect(d.rgb).toEqual(rgb);
  });

  test('257 colours and more: 8-bit RGB, the same pixels', async () => {
    const width = 300;
    const height = 2;
    const rgb: number[] = [];
    for (let i = 0; i < width * height; i++) rgb.push(i & 0xff, (i >> 8) & 0xff, 7);
    const d = decode(await encodeOpaquePng(rgbaOf(rgb), width, height));
    expect([d.width, d.height, d.colourType, d.paletteSize]).toEqual([width, height, 2, undefined]);
    expect(d.rgb).toEqual(rgb);
  });

  test('runs of identical rows, as a cover has, decode to the same pixels', async () => {
    const width = 7;
    const height = 9;
    const rgb: number[] = [];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) rgb.push(...(y >= 3 && y < 5 && x === y ? [0x1e, 0x1c, 0x1a] : [0xf4, 0xef, 0xe4]));
    }
    const rgba = rgbaOf(rgb);
    rgba[4 * (7 * width + 2) + 3] = 0; // alpha differs, colour does not: still one colour
    const d = decode(await encodeOpaquePng(rgba, width, height));
    expect([d.colourType, d.paletteSize]).toEqual([3, 2]);
    expect(d.rgb).toEqual(rgb);
  });

  test('pixels that do not start on a four-byte boundary: the same image', async () => {
    const width = 5;
    const height = 3;
    const rgb: number[] = [];
    for (let i = 0; i < width * height; i++) rgb.push(i * 10, 255 - i, i % 2 ? 0 : 200);
    const rgba = rgbaOf(rgb);
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    const aligned = await encodeOpaquePng(rgba, width, height);
    const unaligned = await encodeOpaquePng(shifted.subarray(1), width, height);
    expect(decode(unaligned).rgb).toEqual(rgb);
    expect(Buffer.from(unaligned).equals(Buffer.from(aligned))).toBe(true);
  });

  test('any image decodes to the pixels given, alpha dropped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer(),
        async (width, height, colours, seed) => {
          let s = seed >>> 0;
          const rgb: number[] = [];
          for (let i = 0; i < width * height * 3; i++) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            rgb.push(i % 3 === 2 ? (s >>> 8) % colours & 0xff : (s >>> 16) % Math.min(colours, 256));
          }
          const rgba = rgbaOf(rgb);
          for (let i = 3; i < rgba.length; i += 4) rgba[i] = (s + i) & 0xff;
          const d = decode(await encodeOpaquePng(rgba, width, height));
          expect(d.rgb).toEqual(rgb);
        },
      ),
      { numRuns: 60 },
    );
  });
});
