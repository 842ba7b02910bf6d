// The manuscript `imprint import` writes: a front-matter skeleton the author
// completes, then the body with `##` section headings and one blank line between
// blocks, text escaped so that the reader gives back exactly the words of the input.

import { escapeHeading, escapeParagraph } from './markdown-escape.js';
import type { PlainTextStructure } from './plain-text.js';
import { yamlString } from './yaml-scalar.js';

export interface ImportMeta {
  /** Title given on the command line; else the one recognised in the text; else a placeholder. */
  title?: string;
  /** `YYYY-MM-DD`. */
  date: string;
  lang: string;
  /** Name of the input file, for the comment at the top of the front matter. */
  source: string;
}

/** Placeholders are plain strings the reader accepts, marked so they are easy to find. */
export const TITLE_PLACEHOLDER = 'TODO: title';
export const AUTHOR_PLACEHOLDER = 'TODO: author';

export function frontMatter(meta: ImportMeta): string {
  const title = meta.title ?? TITLE_PLACEHOLDER;
  const lines = [
    '---',
    `# Imported from ${meta.source} by \`imprint import\`. Replace every "TODO:" value.`,
    '# `imprint init` writes a sample chapter showing every front-matter key.',
    `title: ${yamlString(title)}`,
    `author: ${yamlString(AUTHOR_PLACEHOLDER)}`,
    `date: ${meta.date}`,
    `lang: ${yamlString(meta.lang)}`,
    '---',
  ];
  return lines.join('\n') + '\n';
}

export function body(structure: PlainTextStructure): string {
  const parts = structure.blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `## ${escapeHeading(b.text)}`;
      case 'break':
        return '* * *';
      default:
        return escapeParagraph(b.text);
    }
  });
  return parts.join('\n\n') + '\n';
}

/** The whole manuscript: front matter, a blank line, the body. */
export function toMarkdown(structure: PlainTextStructure, meta: ImportMeta): string {
  return `${frontMatter(meta)}\n${body(structure)}`;
}
