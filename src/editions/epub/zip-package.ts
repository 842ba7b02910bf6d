// Packaging through epub-gen-memory, used as a container writer only: we own its
// templates (each just emits the document we built and escaped ourselves), hand it
// no URL to fetch, write images and fonts into the zip ourselves, and make the
// archive reproducible (no random names, every entry dated from the build date).

import type { EPub as EPubClass, Options, Content } from 'epub-gen-memory';

export interface PackageParts {
  /** Title and language epub-gen-memory insists on; our templates do not use them. */
  title: string;
  lang: string;
  /** Documents, already serialised. */
  opf: string;
  ncx: string;
  nav: string;
  css: string;
  /** XHTML pages other than the nav document, as `OEBPS/<fileName>`. */
  pages: { fileName: string; title: string; xhtml: string }[];
  /** Binary resources under OEBPS (`images/x.png`, `fonts/y.ttf`). */
  binaries: { path: string; data: Uint8Array }[];
  /** Date every zip entry carries. */
  date: Date;
}

// DOS timestamps cannot express dates before 1980 (SOURCE_DATE_EPOCH=0 is common).
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);
const DOS_END = Date.UTC(2107, 11, 31, 23, 59, 58);

function zipDate(d: Date): Date {
  const t = Math.min(DOS_END, Math.max(DOS_EPOCH, d.getTime()));
  return new Date(t);
}

// Formats that are compressed already: deflating them again costs time and saves next to nothing.
const COMPRESSED = /\.(png|jpe?g|gif|webp|woff2?)$/i;

type EPubCtor = new (options: Options, content: Content) => EPubClass;

let packager: Promise<EPubCtor> | undefined;

/** Loaded on first use: the CLI's text-only builds need not pay for it. */
function loadPackager(): Promise<EPubCtor> {
  packager ??= import('epub-gen-memory').then((mod) => mod.EPub as unknown as EPubCtor);
  return packager;
}

interface ZipEntry {
  date: Date;
  dir: boolean;
}

interface ZipLike {
  files: Record<string, ZipEntry>;
  folder(name: string): { file(name: string, data: Uint8Array | string, options?: { compression?: 'STORE' | 'DEFLATE' }): unknown };
  generateAsync(options: Record<string, unknown>): Promise<Uint8Array>;
}

export async function packageEpub(parts: PackageParts): Promise<Uint8Array> {
  const EPub = await loadPackager();
  const date = zipDate(parts.date);

  class ImprintEPub extends EPub {
    private get archive(): ZipLike {
      return (this as unknown as { zip: ZipLike }).zip;
    }

    // epub-gen-memory fetches images, fonts and covers from URLs (network included).
    // We give it none; these hooks write our local bytes instead.
    protected override async downloadAllFonts(): Promise<void> {}

    protected override async downloadAllImages(): Promise<void> {
      const oebps = this.archive.folder('OEBPS');
      for (const b of parts.binaries) oebps.file(b.path, b.data, COMPRESSED.test(b.path) ? { compression: 'STORE' } : {});
    }

    protected override async makeCover(): Promise<void> {}

    async bytes(): Promise<Uint8Array> {
      await this.render();
      const zip = this.archive;
      for (const [name, entry] of Object.entries(zip.files)) {
        // Folder entries are optional in OCF; leaving them out keeps `mimetype`'s neighbours to real files.
        if (entry.dir) delete zip.files[name];
        else entry.date = date;
      }
      return zip.generateAsync({
        type: 'uint8array',
        mimeType: 'application/epub+zip',
        compression: 'DEFLATE',
        compressionOptions: { level: 6 },
        platform: 'DOS',
      });
    }
  }

  const options = {
    title: parts.title,
    lang: parts.lang,
    date: parts.date.toISOString(),
    css: parts.css,
    contentOPF: '<%- imprint.opf %>',
    tocNCX: '<%- imprint.ncx %>',
    tocXHTML: '<%- imprint.nav %>',
    chapterXHTML: '<%- xhtml %>',
    prependChapterTitles: false,
    fonts: [],
    verbose: false,
    imprint: { opf: parts.opf, ncx: parts.ncx, nav: parts.nav },
  } as Options;
  // Chapter content is empty so the package's HTML filter has nothing to strip;
  // the page itself travels in `xhtml`, which only our template reads.
  const content = parts.pages.map((p) => ({ title: p.title, filename: p.fileName, content: '', xhtml: p.xhtml }));
  const epub = new ImprintEPub(options, content);
  return epub.bytes();
}
