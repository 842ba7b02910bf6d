// Typographic faults found in a composed book: what the layout rules promise
// never to produce. Reported in the render stats and asserted by the tests.

import type { ComposedBook } from './pages.js';

export interface LayoutFault {
  /** 1-based physical page. */
  page: number;
  blockId?: string;
  kind: 'widow' | 'orphan' | 'heading-at-foot';
}

export function layoutFaults(book: ComposedBook): LayoutFault[] {
  const faults: LayoutFault[] = [];
  book.pages.forEach((page, k) => {
    if (page.kind !== 'body') return;
    const flow = page.boxes.filter((p) => !p.repeated).map((p) => p.box);
    if (flow.length === 0) return;
    const first = flow[0];
    const last = flow[flow.length - 1];
    const nextPage = book.pages[k + 1];
    const continues = nextPage?.kind === 'body' && nextPage.boxes.some((p) => !p.repeated && !p.box.forceBreak);
    if (first.para && first.para.lines > 1 && first.para.line === first.para.lines - 1) {
      faults.push({ page: k + 1, blockId: first.para.blockId, kind: 'widow' });
    }
    if (last.para && last.para.lines > 1 && last.para.line === 0) {
      faults.push({ page: k + 1, blockId: last.para.blockId, kind: 'orphan' });
    }
    if ((last.kind === 'heading' || last.kind === 'space') && continues) {
      faults.push({ page: k + 1, blockId: last.heading?.blockId, kind: 'heading-at-foot' });
    }
  });
  return faults;
}
