// CommonMark + GFM (tables, footnotes, strikethrough, task lists, autolinks).
//
// The GFM extensions cost time on every character even where they cannot match;
// autolink literals alone more than double micromark's time on a novel. So each
// extension is switched on only when the text holds the character sequence it
// needs to start (a superset test: no autolink without `www.`, `://` or `@`, no
// table without `|`, …), which gives the same tree as full GFM, faster. The
// extensions are the ones remark-gfm itself combines; if they cannot be loaded on
// their own, remark-gfm is used whole.

import type { Root } from 'mdast';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { InputError } from '../diagnostics.js';

const FEATURES = {
  autolink: /www\.|:\/\/|@/i,
  footnote: /\[\^/,
  strikethrough: /~/,
  table: /\|/,
  taskList: /\[[ xX]\]/,
} as const;
type Feature = keyof typeof FEATURES;

interface GfmParts {
  micromark: Record<Feature, () => MicromarkExtension>;
  mdast: Record<Feature, () => MdastExtension | MdastExtension[]>;
}

type MarkdownParser = Pick<Processor<Root>, 'parse'>;

let full: MarkdownParser | undefined;
let parts: Promise<GfmParts | undefined> | undefined;
const byFeatures = new Map<string, MarkdownParser>();

async function fullGfm(): Promise<MarkdownParser> {
  if (!full) {
    const { default: remarkGfm } = await import('remark-gfm');
    full = unified().use(remarkParse).use(remarkGfm).freeze() as unknown as MarkdownParser;
  }
  return full;
}

async function loadParts(): Promise<GfmParts | undefined> {
  try {
    const [al, fn, st, tb, tl, mal, mfn, mst, mtb, mtl] = await Promise.all([
      import('micromark-extension-gfm-autolink-literal'),
      import('micromark-extension-gfm-footnote'),
      import('micromark-extension-gfm-strikethrough'),
      import('micromark-extension-gfm-table'),
      import('micromark-extension-gfm-task-list-item'),
      import('mdast-util-gfm-autolink-literal'),
      import('mdast-util-gfm-footnote'),
      import('mdast-util-gfm-strikethrough'),
      import('mdast-util-gfm-table'),
      import('mdast-util-gfm-task-list-item'),
    ]);
    return {
      micromark: {
        autolink: al.gfmAutolinkLiteral,
        footnote: fn.gfmFootnote,
        strikethrough: () => st.gfmStrikethrough(),
        table: tb.gfmTable,
        taskList: tl.gfmTaskListItem,
      },
      mdast: {
        autolink: mal.gfmAutolinkLiteralFromMarkdown,
        footnote: mfn.gfmFootnoteFromMarkdown,
        strikethrough: mst.gfmStrikethroughFromMarkdown,
        table: mtb.gfmTableFromMarkdown,
        taskList: mtl.gfmTaskListItemFromMarkdown,
      },
    };
  } catch {
    return undefined;
  }
}

/** A parser with just the GFM extensions `body` can use. */
async function parserFor(body: string): Promise<MarkdownParser> {
  const needed = (Object.keys(FEATURES) as Feature[]).filter((f) => FEATURES[f].test(body));
  if (needed.length === Object.keys(FEATURES).length) return fullGfm();
  const key = needed.join(',');
  const cached = byFeatures.get(key);
  if (cached) return cached;
  parts ??= loadParts();
  const gfm = await parts;
  if (!gfm) return fullGfm();
  const parser = unified()
    .use(remarkParse)
    .use(function gfmSubset(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...needed.map((f) => gfm.micromark[f]()));
      (data.fromMarkdownExtensions ??= []).push(...needed.map((f) => gfm.mdast[f]()));
    })
    .freeze() as unknown as MarkdownParser;
  byFeatures.set(key, parser);
  return parser;
}

export async function parseMarkdown(body: string, file: string, lineOffset: number): Promise<Root> {
  const parser = await parserFor(body);
  try {
    return parser.parse(body) as Root;
  } catch (err) {
    // The nesting guard should have caught anything that overflows the parser's stack.
    if (err instanceof RangeError) {
      throw new InputError('the Markdown is nested too deeply to read', { file, line: lineOffset + 1 });
    }
    throw err;
  }
}
