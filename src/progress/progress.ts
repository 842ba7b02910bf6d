// What the build shows while it works. A short build shows nothing but its summary;
// one that takes longer than a second shows a spinner on stderr saying what is being
// done (edition, chapter n of N, PDF pages set so far), fed by the writers'
// `RenderContext.progress` events. Off a terminal or with --quiet there is no spinner.
//
// The typesetter works synchronously, so timers do not fire while it runs: the
// spinner is therefore started and redrawn from the events themselves, not only
// from ora's interval.

import ora, { type Ora } from 'ora';
import type { Format, ProgressEvent } from '../editions/edition.js';

export interface ProgressOptions {
  /** Whether stderr is a terminal (`process.stderr.isTTY`). */
  isTTY: boolean;
  quiet: boolean;
  /** Where the spinner is drawn (default: process.stderr). */
  stream?: NodeJS.WritableStream;
  /** How long work must go on before the spinner appears (default 1000 ms). */
  delayMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface Progress {
  onEvent(e: ProgressEvent): void;
  /** Removes the spinner; call before printing the summary (safe to call twice). */
  stop(): void;
}

const LABELS: Record<Format, string> = { epub: 'EPUB', pdf: 'PDF', txt: 'text', html: 'HTML' };

/** Redraw at most this often from events (a frame of ora's default spinner). */
const REDRAW_MS = 80;

export function describe(e: ProgressEvent): string {
  return `${LABELS[e.format] ?? e.format} edition: ${e.detail}`;
}

const SILENT: Progress = { onEvent: () => {}, stop: () => {} };

export function createProgress(opts: ProgressOptions): Progress {
  if (!opts.isTTY || opts.quiet) return SILENT;
  const stream = (opts.stream ?? process.stderr) as NodeJS.WritableStream & { columns?: number };
  // A terminal that reports no width (a pseudo-terminal nobody sized) would make
  // ora compute an infinite number of lines to erase on every frame.
  if (!stream.columns || stream.columns < 20) return SILENT;
  const now = opts.now ?? (() => performance.now());
  const delay = opts.delayMs ?? 1000;
  const started = now();
  let text = 'building…';
  let spinner: Ora | undefined;
  let lastDraw = 0;
  let stopped = false;

  const show = () => {
    if (stopped || spinner) return;
    spinner = ora({
      text,
      stream,
      isEnabled: true,
      // Raw-mode stdin would swallow Ctrl-C while the typesetter holds the event loop.
      discardStdin: false,
      // A build killed mid-spinner must not leave the terminal without a cursor.
      hideCursor: false,
    }).start();
    lastDraw = now();
  };
  // For the stretches without events (reading, packaging): the timer fires when the loop is free.
  const timer = setTimeout(show, delay);
  timer.unref();

  return {
    onEvent(e) {
      if (stopped) return;
      text = describe(e);
      const t = now();
      if (!spinner && t - started >= delay) show();
      if (spinner && t - lastDraw >= REDRAW_MS) {
        spinner.text = text;
        spinner.render();
        lastDraw = t;
      } else if (spinner) spinner.text = text;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      spinner?.stop();
      spinner = undefined;
    },
  };
}
