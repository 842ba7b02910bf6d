// Where the book's text face lives on disk: Source Serif 4 from its npm package,
// the same face the PDF is set in. Used to embed it in the EPUB (front matter
// `epub.fonts: true`) and to typeset the generated cover.

import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const SERIF_FAMILY = 'Source Serif 4';

export type Face = 'regular' | 'italic' | 'semibold' | 'bold';

const FILES: Record<Face, string> = {
  regular: '400Regular/SourceSerif4_400Regular.ttf',
  italic: '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  semibold: '600SemiBold/SourceSerif4_600SemiBold.ttf',
  bold: '700Bold/SourceSerif4_700Bold.ttf',
};

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export function serifFontPath(face: Face): string {
  return path.join(packageDir('@expo-google-fonts/source-serif-4'), FILES[face]);
}

/** Faces for scripts Source Serif 4 lacks, so a Hebrew or Arabic title still shows on the cover. */
export function fallbackFontPaths(): string[] {
  const out: string[] = [];
  const tryAdd = (pkg: string, rel: string) => {
    try {
      out.push(path.join(packageDir(pkg), rel));
    } catch {
      // Not installed: the cover shows what the main face can.
    }
  };
  tryAdd('@expo-google-fonts/noto-serif-hebrew', '400Regular/NotoSerifHebrew_400Regular.ttf');
  tryAdd('@expo-google-fonts/noto-naskh-arabic', '400Regular/NotoNaskhArabic_400Regular.ttf');
  tryAdd('dejavu-fonts-ttf', 'ttf/DejaVuSerif.ttf');
  return out;
}

/** The faces embedded in the EPUB when the front matter asks for it. */
export const EMBEDDED_FACES: { face: Face; weight: number; style: 'normal' | 'italic'; fileName: string }[] = [
  { face: 'regular', weight: 400, style: 'normal', fileName: 'SourceSerif4-Regular.ttf' },
  { face: 'italic', weight: 400, style: 'italic', fileName: 'SourceSerif4-Italic.ttf' },
  { face: 'bold', weight: 700, style: 'normal', fileName: 'SourceSerif4-Bold.ttf' },
];
