// Drawing the book's images: PNG and JPEG embedded as they are (once per
// resource, however often drawn), SVG converted to PDF vector operators by
// svg-to-pdfkit, with text in the SVG set in the book's own embedded faces (never
// a standard-14 font, which PDF/A forbids) and no fetching of anything remote.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Diagnostics } from '../../diagnostics.js';
import type { Resource } from '../../model/document.js';
import type { Doc } from './setter.js';

const require = createRequire(import.meta.url);

const SVG_FONTS = {
  'imprint-svg-serif': '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  'imprint-svg-serif-bold': '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
  'imprint-svg-serif-italic': '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  'imprint-svg-sans': 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'imprint-svg-sans-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'imprint-svg-mono': '@expo-google-fonts/source-code-pro/400Regular/SourceCodePro_400Regular.ttf',
} as const;

type SvgFont = keyof typeof SVG_FONTS;

export class ImageDrawer {
  private readonly raster = new Map<string, unknown>();
  private readonly registered = new Set<string>();

  constructor(private readonly doc: Doc, private readonly diagnostics: Diagnostics) {}

  draw(resource: Resource, x: number, y: number, w: number, h: number): void {
    if (resource.mediaType === 'image/svg+xml') {
      this.drawSvg(resource, x, y, w, h);
      return;
    }
    let image = this.raster.get(resource.id);
    if (!image) {
      image = (this.doc as unknown as { openImage(src: Buffer): unknown }).openImage(resource.data);
      this.raster.set(resource.id, image);
    }
    (this.doc as unknown as { image(src: unknown, x: number, y: number, o: object): void }).image(image, x, y, { width: w, height: h });
  }

  private font(name: SvgFont): string {
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, require.resolve(SVG_FONTS[name]));
      this.registered.add(name);
    }
    return name;
  }

  private drawSvg(resource: Resource, x: number, y: number, w: number, h: number): void {
    const where = { file: resource.path };
    const folder = path.dirname(resource.path);
    this.doc.save();
    SVGtoPDF(this.doc, resource.data.toString('utf8'), x, y, {
      width: w,
      height: h,
      preserveAspectRatio: 'xMidYMid meet',
      warningCallback: (message) => this.diagnostics.warn(`SVG: ${message}`, where),
      fontCallback: (family, bold, italic) => {
        const f = family.toLowerCase();
        if (/mono|courier|consol|code/.test(f)) return this.font('imprint-svg-mono');
        if (/sans|helvetica|arial|verdana/.test(f)) return this.font(bold ? 'imprint-svg-sans-bold' : 'imprint-svg-sans');
        if (bold) return this.font('imprint-svg-serif-bold');
        return this.font(italic ? 'imprint-svg-serif-italic' : 'imprint-svg-serif');
      },
      imageCallback: (href) => {
        const link = href.trim();
        if (link.startsWith('data:')) return link.replace(/\s+/g, '');
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
          this.diagnostics.warn(`SVG image "${link}" is not embedded: only local files and data: URIs are used`, where);
          return '';
        }
        const file = path.resolve(folder, decodeURIComponent(link));
        if (!existsSync(file)) {
          this.diagnostics.warn(`SVG image "${link}" not found next to the SVG`, where);
          return '';
        }
        return file;
      },
    });
    this.doc.restore();
  }
}
