// Page geometry: where the text block sits on the sheet.
//
// Margins follow the proportions of the classical book page (the Van de Graaf /
// Tschichold canon divides the page into ninths): one ninth of the height at the
// head and one and a half at the foot, which leaves room for the folio. With
// binding, the inner margin is one ninth of the width and the outer two ninths,
// mirrored on verso pages so that facing pages share a spine; without binding the
// block is centred. All lengths are PostScript points.

import type { PageSize } from '../../model/document.js';

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  /** Margin at the spine (binding) or the left margin (no binding). */
  inner: number;
  outer: number;
  textWidth: number;
  textHeight: number;
  binding: boolean;
}

export function pageGeometry(size: PageSize, binding: boolean): PageGeometry {
  const { width, height } = size;
  const inner = binding ? width / 9 : (1.5 * width) / 9;
  const outer = binding ? (2 * width) / 9 : inner;
  const top = height / 9;
  const bottom = (1.5 * height) / 9;
  return {
    width,
    height,
    top,
    bottom,
    inner,
    outer,
    textWidth: width - inner - outer,
    textHeight: height - top - bottom,
    binding,
  };
}

/**
 * Left edge of the text block on a page. `page` is the 1-based physical page
 * number: odd pages are recto (spine on the left), even pages verso.
 */
export function textLeft(g: PageGeometry, page: number): number {
  if (!g.binding) return g.inner;
  return page % 2 === 1 ? g.inner : g.outer;
}
