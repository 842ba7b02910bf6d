// The build's progress display: nothing off a terminal or with --quiet, nothing
// for a build that ends within a second, then a spinner saying what is being done.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderEditions } from '../../src/build/render.js';
import { Diagnostics } from '../../src/diagnostics.js';
import type { ProgressEvent } from '../../src/editions/edition.js';
import { createProgress } from '../../src/progress/progress.js';
import { sampleBook } from '../support/sample-book.js';

/** A terminal-like stream that records what is drawn. */
function fakeTerminal() {
  let written = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      written += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; rows: number; cursorTo: Function; moveCursor: Function; clearLine: Function };
  // What ora uses of a tty.WriteStream.
  stream.cursorTo = (x: number) => stream.write(`\u001b[${x + 1}G`);
  stream.moveCursor = (_dx: number, dy: number) => stream.write(dy < 0 ? `\u001b[${-dy}A` : dy > 0 ? `\u001b[${dy}B` : '');
  stream.clearLine = () => stream.write('\u001b[2K');
  stream.isTTY = true;
  stream.columns = 100;
  stream.rows = 40;
  // eslint-disable-next-line no-control-regex
  return { stream, text: () => written.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''), raw: () => written };
}

describe('createProgress', () => {
  it('draws nothing off a terminal or with --quiet, whatever happens', async () => {
    for (const opts of [{ isTTY: false, quiet: false }, { isTTY: true, quiet: true }]) {
      const t = fakeTerminal();
      let clock = 0;
      const p = createProgress({ ...opts, stream: t.stream, delayMs: 10, now: () => clock });
      clock = 5000;
      p.onEvent({ format: 'pdf', detail: 'page 3' });
      await new Promise((r) => setTimeout(r, 30));
      p.stop();
      expect(t.raw()).toBe('');
    }
  });

  it('draws nothing on a terminal that reports no width (ora would erase endlessly)', () => {
    const t = fakeTerminal();
    t.stream.columns = 0;
    let clock = 0;
    const p = createProgress({ isTTY: true, quiet: false, stream: t.stream, now: () => clock });
    clock = 2000;
    p.onEvent({ format: 'pdf', detail: 'page 3' });
    p.stop();
    expect(t.raw()).toBe('');
  });

  it('stays silent for the first second, then shows the edition and what is being done', () => {
    const t = fakeTerminal();
    let clock = 0;
    const p = createProgress({ isTTY: true, quiet: false, stream: t.stream, now: () => clock });
    clock = 400;
    p.onEvent({ format: 'epub', detail: 'chapter 1 of 60' });
    expect(t.raw()).toBe('');
    clock = 1200;
    p.onEvent({ format: 'pdf', detail: 'page 120' });
    expect(t.text()).toContain('PDF edition: page 120');
    clock = 1250; // within one frame: remembered, drawn with the next frame
    p.onEvent({ format: 'pdf', detail: 'page 121' });
    clock = 1400;
    p.onEvent({ format: 'pdf', detail: 'page 150' });
    expect(t.text()).toContain('PDF edition: page 150');
    p.stop();
    const after = t.raw().length;
    clock = 5000;
    p.onEvent({ format: 'txt', detail: 'chapter 2 of 60' });
    p.stop();
    expect(t.raw().length).toBe(after);
  });

  it('appears from its timer while no events come (reading, packaging), and stop() clears it', async () => {
    const t = fakeTerminal();
    const p = createProgress({ isTTY: true, quiet: false, stream: t.stream, delayMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    expect(t.text()).toContain('building…');
    p.stop();
    // ora erases its line on stop: the last thing written is a line clear, not a frame.
    expect(t.raw().endsWith('building…')).toBe(false);
  });
});

describe('progress events from the writers', () => {
  it('an EPUB-only build reports its print-page composition as EPUB work, never as a PDF', async () => {
    const events: ProgressEvent[] = [];
    const ctx = { diagnostics: new Diagnostics(), generator: 'imprint test', width: 72, progress: (e: ProgressEvent) => events.push(e) };
    await renderEditions(sampleBook(), ['epub'], ctx, 'sample.pdf');
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.format !== 'epub')).toEqual([]);
    expect(events.some((e) => e.detail.startsWith('print pages for the page list, setting chapter 1 of'))).toBe(true);

    const both: ProgressEvent[] = [];
    await renderEditions(sampleBook(), ['epub', 'pdf'], { ...ctx, progress: (e: ProgressEvent) => both.push(e) }, 'sample.pdf');
    expect(both.some((e) => e.format === 'pdf' && e.detail.startsWith('setting chapter 1 of'))).toBe(true);
  });
});
