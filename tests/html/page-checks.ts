// Structural promises every web edition keeps, whatever the book: valid parse,
// unique ids, fragment links that land, and nothing fetched from anywhere.

import { expect } from 'vitest';
import type { Book } from '../../src/model/document.js';
import { attr, parsePage, textOf, type ParsedPage } from './html-tree.js';

/** Structural promises every web edition keeps, whatever the book. */
export function checkPage(book: Book, html: string): ParsedPage {
  const page = parsePage(html);
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  expect(page.errors, 'HTML parse errors').toEqual([]);

  // Unique ids, and every fragment link lands on one.
  const ids = page.elements.map((e) => attr(e, 'id')).filter((x): x is string => x !== undefined);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
  const idSet = new Set(ids);
  for (const a of page.elements.filter((e) => e.tagName === 'a')) {
    const href = attr(a, 'href') ?? '';
    if (href.startsWith('#')) expect(idSet.has(decodeURIComponent(href.slice(1))), `link ${href} resolves`).toBe(true);
    else expect(href, 'only web and mail links leave the page').toMatch(/^(https?:|mailto:)/);
  }

  // Nothing is fetched: no scripts, no handlers, no external resources of any kind.
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/javascript:/i);
  for (const el of page.elements) {
    for (const key of Object.keys(el.properties)) expect(key, `<${el.tagName}> handler attribute`).not.toMatch(/^on/i);
    for (const key of ['src', 'srcSet', 'poster', 'data', 'action', 'formAction', 'background']) {
      const v = attr(el, key);
      if (v !== undefined) expect(v, `<${el.tagName} ${key}>`).toMatch(/^data:/);
    }
  }
  expect(page.elements.filter((e) => ['script', 'iframe', 'object', 'embed', 'base', 'video', 'audio', 'source'].includes(e.tagName))).toEqual([]);
  const links = page.elements.filter((e) => e.tagName === 'link');
  for (const link of links) expect(attr(link, 'href')).toMatch(/^data:/);
  expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(?:https?:)?\/\//i);
  const css = page.elements.filter((e) => e.tagName === 'style').map((e) => textOf(e)).join('\n');
  expect(css).not.toMatch(/@import/i);
  for (const url of css.match(/url\([^)]*\)/gi) ?? []) expect(url).toMatch(/^url\(["']?data:/i);

  // Every image is its resource, inlined.
  const bytesById = new Map(book.resources.map((r) => [r.id, r]));
  for (const img of page.elements.filter((e) => e.tagName === 'img')) {
    const src = attr(img, 'src')!;
    const m = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/=]+)$/.exec(src);
    expect(m, 'image is a base64 data: URI').not.toBeNull();
    const bytes = Buffer.from(m![2], 'base64');
    const match = [...bytesById.values()].find((r) => r.data.equals(bytes));
    expect(match, 'data URI holds a book resource').toBeDefined();
    expect(m![1]).toBe(match!.mediaType);
    expect(attr(img, 'alt')).toBeDefined();
  }
  return page;
}
