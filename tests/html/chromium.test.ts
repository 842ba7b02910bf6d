// The web edition in a real browser: headless Chromium loads the page from a file,
// every request other than the page itself is recorded (and refused), each
// contents link is clicked and must bring its heading to the top of the viewport,
// and full-page screenshots are written for a human to look at: the article to
// /tmp/imprint-html.png, the kitchen sink and the stress book next to it.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderHtml } from '../../src/editions/html/index.js';
import type { Book, TocEntry } from '../../src/model/document.js';
import { readManuscript } from '../../src/reader/read.js';
import { requireTool, tmpDir } from '../support/tools.js';
import { stressBook } from '../text/stress-book.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The books to open, and where each one's screenshot goes. */
const BOOKS: { name: string; load: () => Promise<Book>; screenshot: string; images: number; notes: boolean }[] = [
  { name: 'article', load: () => readManuscript('manuscript/article.md', { diagnostics: new Diagnostics() }), screenshot: '/tmp/imprint-html.png', images: 0, notes: false },
  { name: 'kitchen-sink', load: () => readManuscript('tests/fixtures/kitchen-sink/book.md', { diagnostics: new Diagnostics() }), screenshot: '/tmp/imprint-html-kitchen-sink.png', images: 3, notes: true },
  { name: 'stress', load: async () => stressBook(), screenshot: '/tmp/imprint-html-stress.png', images: 3, notes: true },
];

const hasChromium = requireTool('chromium');

function writePage(book: Book, name: string): string {
  const file = path.join(tmpDir('imprint-html-'), name);
  writeFileSync(file, renderHtml(book, { diagnostics: new Diagnostics(), generator: 'imprint 0.1.0', width: 72 }));
  return file;
}

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Every request the page made other than loading itself. */
  requests: string[];
  consoleErrors: string[];
}

/**
 * Opens the page from a file. `bypassCSP` switches the page's own no-fetch policy off,
 * so a stray reference to anything outside the page would show up as a request here
 * instead of being silently blocked.
 */
async function visit(browser: Browser, file: string, opts: { bypassCSP: boolean; colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<Visit> {
  const context = await browser.newContext({
    bypassCSP: opts.bypassCSP,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: opts.width ?? 1000, height: opts.height ?? 700 },
    javaScriptEnabled: true, // for page.evaluate only; the page itself has no script
  });
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    requests.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:') && !requests.includes(u)) requests.push(u);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, requests, consoleErrors };
}

function flat(entries: readonly TocEntry[]): TocEntry[] {
  return entries.flatMap((e) => [e, ...flat(e.children)]);
}

describe.skipIf(!hasChromium)('web edition in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { name, load, screenshot, images: imageCount, notes } of BOOKS) {
    describe(`the ${name} book`, () => {
      let book: Book;
      let file: string;

      beforeAll(async () => {
        book = await load();
        file = writePage(book, `${name}.html`);
      });

      it('makes no request other than for the page itself, even with its CSP switched off', async () => {
        const v = await visit(browser, file, { bypassCSP: true });
        // Images decoded from their data: URIs.
        const images = await v.page.$$eval('img', (imgs) => imgs.map((i) => [(i as HTMLImageElement).complete, (i as HTMLImageElement).naturalWidth]));
        expect(images.length).toBe(imageCount);
        for (const [complete, width] of images) {
          expect(complete).toBe(true);
          expect(width).toBeGreaterThan(0);
        }
        expect(v.requests).toEqual([]);
        expect(v.consoleErrors).toEqual([]);
        await v.context.close();
      });

      it('is styled under its own CSP, which blocks nothing it needs', async () => {
        const v = await visit(browser, file, { bypassCSP: false });
        const style = await v.page.evaluate(() => {
          const body = getComputedStyle(document.body);
          return { maxWidth: body.maxWidth, fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize), hyphens: body.hyphens };
        });
        expect(parseFloat(style.maxWidth)).toBeCloseTo(40 * style.fontSize, 0);
        expect(style.hyphens).toBe('auto');
        expect(v.consoleErrors, 'CSP violations or other console errors').toEqual([]);
        expect(v.requests).toEqual([]);
        await v.context.close();
      });

      it('follows the reader’s dark setting', async () => {
        const light = await visit(browser, file, { bypassCSP: false, colorScheme: 'light' });
        const dark = await visit(browser, file, { bypassCSP: false, colorScheme: 'dark' });
        const bg = (p: Page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        const lightBg = await bg(light.page);
        const darkBg = await bg(dark.page);
        expect(lightBg).not.toBe(darkBg);
        const lum = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).reduce((a, b) => a + Number(b), 0);
        expect(lum(darkBg)).toBeLessThan(lum(lightBg));
        await light.context.close();
        await dark.context.close();
      });

      it('scrolls each heading to the top when its contents link is clicked', async () => {
        const v = await visit(browser, file, { bypassCSP: false, height: 500 });
        const entries = flat(book.toc);
        expect(entries.length).toBeGreaterThan(3);
        for (const entry of entries) {
          await v.page.evaluate(() => window.scrollTo(0, 0));
          await v.page.click(`nav[aria-label="Contents"] a[href="#${entry.slug}"]`);
          await v.page.waitForFunction((slug) => location.hash === `#${slug}`, entry.slug);
          const box = await v.page.evaluate((slug) => {
            const el = document.getElementById(slug)!;
            const r = el.getBoundingClientRect();
            const bottomed = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;
            return { top: r.top, bottom: r.bottom, viewport: window.innerHeight, bottomed, scrollY: window.scrollY, tag: el.tagName };
          }, entry.slug);
          expect(box.tag, entry.slug).toMatch(/^H[2-6]$/);
          expect(box.scrollY, `${entry.slug} scrolled`).toBeGreaterThan(0);
          // At the top of the viewport — unless the page is too short to scroll that far, when it must be in view.
          if (box.bottomed) {
            expect(box.top, entry.slug).toBeGreaterThanOrEqual(-1);
            expect(box.bottom, entry.slug).toBeLessThanOrEqual(box.viewport);
          } else {
            expect(Math.abs(box.top), `${entry.slug} top`).toBeLessThanOrEqual(2);
          }
        }
        await v.context.close();
      });

      if (notes) it('takes a note reference to its note and back', async () => {
        const v = await visit(browser, file, { bypassCSP: false, height: 500 });
        await v.page.click('a[role="doc-noteref"][href="#fn-2"]');
        await v.page.waitForFunction(() => location.hash === '#fn-2');
        const noteTop = await v.page.evaluate(() => document.getElementById('fn-2')!.getBoundingClientRect().top);
        expect(noteTop).toBeGreaterThanOrEqual(-1);
        expect(noteTop).toBeLessThan(500);
        await v.page.click('#fn-2 a[role="doc-backlink"]');
        await v.page.waitForFunction(() => location.hash === '#fnref-2');
        const refTop = await v.page.evaluate(() => document.getElementById('fnref-2')!.getBoundingClientRect().top);
        expect(refTop).toBeGreaterThanOrEqual(-1);
        expect(refTop).toBeLessThan(500);
        await v.context.close();
      });

      it('fits a phone screen without sideways scrolling of the page', async () => {
        const v = await visit(browser, file, { bypassCSP: false, width: 360, height: 740 });
        const widths = await v.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(widths[0]).toBeLessThanOrEqual(widths[1]);
        await v.context.close();
      });

      it('renders a full-page screenshot', async () => {
        const v = await visit(browser, file, { bypassCSP: false, width: 900, height: 800 });
        await v.page.screenshot({ path: screenshot, fullPage: true });
        const height = await v.page.evaluate(() => document.documentElement.scrollHeight);
        expect(height).toBeGreaterThan(2000);
        await v.context.close();
      });
    });
  }
});
