// The EPUB 3 edition: the document model → an EPUB 3 package (with an EPUB 2 NCX),
// valid for EPUBCheck, accessible for Ace, and byte-identical for the same book.
//
// Reading order: cover, title page, contents (the nav document), the chapters,
// the copyright page.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Book, Resource } from '../../model/document.js';
import type { PageStart, RenderContext } from '../edition.js';
import { accessibilityMetadata } from './accessibility.js';
import { FILES, imageHref, indexBook } from './book-index.js';
import { chapterPage } from './chapter-page.js';
import { coverPng, svgCoverPng, uncoveredCharacters } from './cover-image.js';
import { EMBEDDED_FACES, SERIF_FAMILY, serifFontPath } from './fonts.js';
import { colophonPage, coverPage, titlePage } from './front-pages.js';
import { landmarkList, navDocument, navTree, ncxDocument } from './navigation.js';
import { packageDocument, packageIdentifier, type ManifestItem, type SpineItem } from './package-document.js';
import { stylesheet } from './stylesheet.js';
import { idSafe } from './xml.js';
import { packageEpub } from './zip-package.js';

export interface EpubOptions {
  /** Where each printed PDF page begins, for page-break markers and the page list. */
  pageStarts?: PageStart[];
  /** File name of the PDF the page numbers come from (for dc:source and the colophon). */
  printEdition?: string;
}

const XHTML = 'application/xhtml+xml';

// Adobe's RMSDK (older Kobo, Nook, Sony and many Android readers) refuses or
// truncates XHTML files above about 300 KB; Calibre splits at 260 KB for the same reason.
const LARGE_XHTML = 300_000;

// Apple Books' minimum cover width; Kindle asks for 1600 × 2560.
const MIN_COVER_WIDTH = 1400;

/**
 * Starts rasterising the generated cover (on another thread) before the EPUB is
 * written, so that it overlaps the print layout the EPUB waits for; renderEpub then
 * finds it done. Does nothing when the book names its own cover.
 */
export function startCover(book: Book): void {
  if (!book.meta.cover) coverPng(book.meta).catch(() => undefined);
}

export async function renderEpub(book: Book, ctx: RenderContext, opts: EpubOptions = {}): Promise<Uint8Array> {
  const meta = book.meta;
  const ix = indexBook(book, ctx.diagnostics, opts.pageStarts);
  const coverResource: Resource | undefined = meta.cover ? ix.resources.get(meta.cover) : undefined;
  // Started first: the cover renders on another thread while the chapters are written.
  const renderedCover =
    !coverResource || coverResource.mediaType === 'image/svg+xml'
      ? coverResource
        ? svgCoverPng(coverResource.data)
        : coverPng(meta)
      : undefined;
  // Never left unobserved, even if writing the chapters throws first.
  renderedCover?.catch(() => undefined);
  if (!coverResource) {
    const missing = uncoveredCharacters(meta);
    if (missing.length) {
      ctx.diagnostics.warn(
        `EPUB: the generated cover has no font for ${missing.slice(0, 8).join(' ')}${missing.length > 8 ? ' …' : ''} and leaves them out; name a cover image in the front matter ("cover:") instead`,
        book.sources[0] ? { file: book.sources[0].file } : undefined,
      );
    }
  }

  // Chapters first: writing them records the images, page markers and anchors
  // that the navigation and the package document list.
  const seenNoteRefs = new Set<number>();
  const chapters = book.chapters.map((ch) => {
    ctx.progress?.({ format: 'epub', detail: `chapter ${ch.index + 1} of ${book.chapters.length}` });
    return { id: idSafe(ch.id), fileName: ix.chapterFiles[ch.index], title: ch.title, xhtml: chapterPage(ix, ch, seenNoteRefs) };
  });

  ctx.progress?.({ format: 'epub', detail: 'navigation, cover and packaging' });
  for (const [i, ch] of chapters.entries()) {
    const size = Buffer.byteLength(ch.xhtml);
    if (size > LARGE_XHTML) {
      const where = book.chapters[i].heading?.pos ?? book.chapters[i].blocks[0]?.pos;
      ctx.diagnostics.warn(
        `EPUB: chapter "${ch.title}" is ${Math.round(size / 1000)} KB of XHTML; some e-readers load files over 300 KB slowly or not at all — consider splitting it with more top-level headings`,
        where,
      );
    }
  }

  const pageList = ix.placed.length > 0;
  const printEdition = pageList ? (opts.printEdition ?? `${meta.slug}.pdf`) : undefined;

  const binaries: { path: string; data: Uint8Array }[] = [];
  const manifestImages: ManifestItem[] = [];
  if (meta.cover && !coverResource) ctx.diagnostics.warn(`EPUB: cover image ${meta.cover} is not among the book's resources; a cover was generated`);

  let coverImageId = 'cover-image';
  let coverHref = 'images/cover.png';
  if (!renderedCover && coverResource) {
    coverImageId = idSafe(coverResource.id);
    coverHref = imageHref(coverResource);
    if (!ix.usedImages.includes(coverResource.id)) ix.usedImages.unshift(coverResource.id);
    if (coverResource.width < MIN_COVER_WIDTH) {
      ctx.diagnostics.warn(
        `EPUB: the cover image is ${coverResource.width} × ${coverResource.height} px; stores ask for at least ${MIN_COVER_WIDTH} px wide (1600 × 2560 is ideal)`,
        { file: path.relative(process.cwd(), coverResource.path) },
      );
    }
  } else {
    binaries.push({ path: coverHref, data: await renderedCover! });
    manifestImages.push({ id: coverImageId, href: coverHref, mediaType: 'image/png', properties: 'cover-image' });
  }
  for (const rid of ix.usedImages) {
    const r = ix.resources.get(rid)!;
    binaries.push({ path: imageHref(r), data: r.data });
    const id = idSafe(r.id);
    manifestImages.push({ id, href: imageHref(r), mediaType: r.mediaType, properties: id === coverImageId ? 'cover-image' : undefined });
  }

  const fonts = meta.epub.fonts
    ? EMBEDDED_FACES.map((f) => ({ ...f, path: `fonts/${f.fileName}`, data: readFileSync(serifFontPath(f.face)) }))
    : [];
  for (const f of fonts) binaries.push({ path: f.path, data: f.data });

  const tree = navTree(ix);
  const uid = packageIdentifier(meta);
  const nav = navDocument(ix, tree);
  const ncx = ncxDocument(ix, tree, uid);
  const css = stylesheet(fonts.length ? { family: SERIF_FAMILY, fonts: fonts.map((f) => ({ href: f.path, weight: f.weight, style: f.style })) } : {});

  const pages = [
    { id: 'cover', fileName: FILES.cover, title: ix.labels.cover, xhtml: coverPage(ix, coverHref) },
    { id: 'titlepage', fileName: FILES.titlePage, title: meta.title, xhtml: titlePage(ix) },
    ...chapters,
    { id: 'colophon', fileName: FILES.colophon, title: ix.labels.copyright, xhtml: colophonPage(ix, ctx.generator, printEdition) },
  ];

  const manifest: ManifestItem[] = [
    { id: 'nav', href: FILES.nav, mediaType: XHTML, properties: 'nav' },
    { id: 'ncx', href: FILES.ncx, mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: FILES.css, mediaType: 'text/css' },
    ...fonts.map((f) => ({ id: `font-${f.face}`, href: f.path, mediaType: 'font/ttf' })),
    ...manifestImages,
    ...pages.map((p) => ({ id: p.id, href: p.fileName, mediaType: XHTML })),
  ];
  const spine: SpineItem[] = [
    { idref: 'cover' },
    { idref: 'titlepage' },
    { idref: 'nav' },
    ...chapters.map((c) => ({ idref: c.id })),
    { idref: 'colophon' },
  ];

  const a11y = accessibilityMetadata({ images: ix.imageUses, imagesWithoutAlt: ix.imagesWithoutAlt, pageList });
  const opf = packageDocument({
    meta,
    uid,
    manifest,
    spine,
    ncxId: 'ncx',
    coverImageId,
    a11y,
    guide: landmarkList(ix).map((l) => ({ type: l.guideType, href: l.href, title: l.label })),
    certifiedBy: ctx.generator,
    fontsEmbedded: fonts.length > 0,
    printEdition,
  });

  return packageEpub({
    title: meta.title,
    lang: meta.lang,
    opf,
    ncx,
    nav,
    css,
    pages: pages.map((p) => ({ fileName: p.fileName, title: p.title, xhtml: p.xhtml })),
    binaries,
    date: meta.buildDate,
  });
}
