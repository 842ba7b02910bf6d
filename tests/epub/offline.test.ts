// epub-gen-memory fetches every image, font and cover URL it is handed. The EPUB
// writer hands it none: nothing in a render may open a socket or resolve a name.

import dns from 'node:dns';
import net from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { sampleBook } from '../support/sample-book.js';
import { render } from './helpers.js';

const attempts: string[] = [];
const saved = { connect: net.Socket.prototype.connect, lookup: dns.lookup, fetch: globalThis.fetch };

beforeEach(() => {
  attempts.length = 0;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('network access during an EPUB render');
  } as typeof net.Socket.prototype.connect;
  (dns as { lookup: unknown }).lookup = (host: string) => {
    attempts.push(`lookup ${host}`);
    throw new Error('name resolution during an EPUB render');
  };
  globalThis.fetch = (async (url: unknown) => {
    attempts.push(`fetch ${String(url)}`);
    throw new Error('fetch during an EPUB render');
  }) as typeof fetch;
});

afterEach(() => {
  net.Socket.prototype.connect = saved.connect;
  (dns as { lookup: unknown }).lookup = saved.lookup;
  globalThis.fetch = saved.fetch;
});

test('a book with images, external links, embedded fonts and a front-matter cover renders offline', async () => {
  const book = sampleBook();
  book.meta.epub.fonts = true;
  book.meta.cover = 'img-png0000001';
  const { epub } = await render(book);
  expect(attempts).toEqual([]);
  // The links are still there, as links: nothing was fetched to make them.
  expect(await epub.text('OEBPS/ch01.xhtml')).toContain('href="https://example.org/a?b=1&amp;c=2"');
  expect((await epub.bytes('OEBPS/images/img-png0000001.png')).length).toBe(book.resources[0].data.length);
});

test('and so does a book with a generated cover', async () => {
  await render(sampleBook());
  expect(attempts).toEqual([]);
});
