// Accessibility metadata derived from what the book actually contains, never
// claimed blindly: a single image without alt text drops `alternativeText` and the
// WCAG conformance claim.

export interface A11yFacts {
  /** Content images (the cover not counted). */
  images: number;
  imagesWithoutAlt: number;
  pageList: boolean;
}

export interface A11yMetadata {
  accessModes: string[];
  accessModesSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  conformsTo?: string;
}

export const CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

export function accessibilityMetadata(f: A11yFacts): A11yMetadata {
  const allAlt = f.imagesWithoutAlt === 0;
  const accessModes = f.images ? ['textual', 'visual'] : ['textual'];
  const accessModesSufficient = f.images ? (allAlt ? ['textual', 'textual,visual'] : ['textual,visual']) : ['textual'];
  const features = ['tableOfContents', 'readingOrder', 'structuralNavigation'];
  if (f.images && allAlt) features.push('alternativeText');
  if (f.pageList) features.push('pageNavigation', 'printPageNumbers');
  features.push('ARIA', 'displayTransformability', 'unlocked');

  const sentences: string[] = [];
  sentences.push(
    allAlt
      ? 'This publication meets WCAG 2.2 Level AA and EPUB Accessibility 1.1.'
      : `This publication does not fully meet WCAG 2.2 Level AA: ${f.imagesWithoutAlt} ${f.imagesWithoutAlt === 1 ? 'image has' : 'images have'} no text alternative.`,
  );
  sentences.push('It has a navigable table of contents, structured headings, a logical reading order and notes linked to and from the text.');
  if (f.images && allAlt) sentences.push('Every image has a text alternative.');
  if (f.pageList) sentences.push('Page break markers and a page list follow the print edition.');
  sentences.push('Text size, fonts and colours can be changed by the reader; the publication is not locked and has no known hazards.');

  return {
    accessModes,
    accessModesSufficient,
    features,
    hazards: ['none'],
    summary: sentences.join(' '),
    conformsTo: allAlt ? CONFORMANCE : undefined,
  };
}
