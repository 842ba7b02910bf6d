// Raw HTML in the manuscript never reaches an edition as HTML. It is parsed as an
// HTML fragment, sanitised against an allow-list, and what the model can express
// (emphasis, sub/superscript, abbreviations, code, safe links, line breaks) becomes
// model inlines; the rest keeps only its text, with a warning. Scripts, styles,
// frames, forms and the like are dropped with their content.
//
// Markdown splits inline HTML into one node per tag (`<sub>`, `2`, `</sub>`), so a
// run of sibling nodes is parsed together: the Markdown nodes between the tags
// stand in the HTML as empty placeholder elements ("slots") and are converted back
// in place. The placeholders' tag name is chosen so the manuscript cannot forge one.

import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { InputError } from '../diagnostics.js';
import type { Block, Inline } from '../model/document.js';
import { plainText } from '../model/words.js';
import { NESTING_LIMIT } from './nesting-guard.js';

export type RunItem<N> = { html: string; line: number } | { slot: N; line: number };

export interface HtmlHost {
  file: string;
  warn(message: string, line: number): void;
  /** A link from an `<a href>`, or its children as plain text when the target is no good. */
  link(href: string, title: string | undefined, children: Inline[], line: number): Inline[];
}

export interface BlockFactory {
  paragraph(content: Inline[], line: number): Block;
  code(value: string, line: number): Block;
  thematicBreak(line: number): Block;
}

export const HTML_NESTING_MESSAGE = `nesting deeper than ${NESTING_LIMIT} levels (HTML)`;

/** Dropped together with everything inside them. */
const DROP = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'template', 'noscript',
  'noembed', 'noframes', 'textarea', 'select', 'title', 'xmp', 'plaintext', 'svg', 'math', 'head', 'link', 'meta',
  'base', 'audio', 'video', 'canvas', 'button', 'input', 'dialog', 'portal', 'slot', 'param', 'source', 'track',
];
const DROP_SET = new Set(DROP);
const INLINE_MAPPED = ['em', 'i', 'strong', 'b', 'del', 's', 'strike', 'sub', 'sup', 'abbr', 'br', 'code', 'kbd', 'samp', 'a'];
const UNWRAP = ['span', 'mark', 'small', 'u', 'cite', 'q', 'ins', 'bdi', 'bdo', 'dfn', 'time', 'var', 'data', 'wbr', 'nobr'];
const BLOCKS = [
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main',
  'figure', 'figcaption', 'address', 'details', 'summary', 'center', 'hgroup', 'fieldset', 'legend', 'colgroup', 'col',
  'pre', 'hr', 'body', 'html',
];
const BLOCK_SET = new Set(BLOCKS);
const KNOWN = new Set([...INLINE_MAPPED, ...UNWRAP, ...BLOCKS]);
/** Elements that never have an end tag or whose end tag is implied; they do not deepen a tree. */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'colgroup', 'caption',
]);
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

interface Segment {
  start: number;
  end: number;
  line: number;
  text: string;
}

class Run<N> {
  readonly html: string;
  readonly slotTag: string;
  readonly segments: Segment[] = [];
  readonly slots: Array<{ node: N; line: number }> = [];
  readonly dropped = new Set<number>();
  readonly emitted = new Set<number>();
  private readonly slotText: RegExp;

  constructor(items: RunItem<N>[], host: HtmlHost) {
    const lower = items.map((it) => ('html' in it ? it.html.toLowerCase() : '')).join('\u0000');
    let tag = 'imprint-slot';
    for (let k = 1; lower.includes(tag); k++) tag = `imprint-slot${k}x`;
    this.slotTag = tag;
    this.slotText = new RegExp(`</?${tag}-(\\d+)>`, 'g');
    let html = '';
    for (const it of items) {
      if ('html' in it) {
        this.segments.push({ start: html.length, end: html.length + it.html.length, line: it.line, text: it.html });
        html += it.html;
      } else {
        const i = this.slots.length;
        this.slots.push({ node: it.slot, line: it.line });
        html += `<${tag}-${i}></${tag}-${i}>`;
      }
    }
    this.html = html;
    const depth = htmlDepth(items.filter((it): it is { html: string; line: number } => 'html' in it).map((it) => it.html).join(''));
    if (depth > NESTING_LIMIT) {
      throw new InputError(HTML_NESTING_MESSAGE, { file: host.file, line: this.segments[0]?.line });
    }
  }

  /** Index of the slot an element stands for, if it is one. */
  slotIndex(el: Element): number | undefined {
    const prefix = this.slotTag + '-';
    if (!el.tagName.startsWith(prefix)) return undefined;
    const i = Number(el.tagName.slice(prefix.length));
    return Number.isInteger(i) && i >= 0 && i < this.slots.length ? i : undefined;
  }

  /** Slot indices whose markup ended up inside a text or attribute value. */
  slotsInText(s: string): number[] {
    return [...s.matchAll(this.slotText)].map((m) => Number(m[1]));
  }

  cleanText(s: string): string {
    return s.includes(this.slotTag) ? s.replace(this.slotText, '') : s;
  }

  /** First line of the HTML node that holds `offset`: one warning per node, not per element. */
  segmentLine(offset: number | undefined): number {
    let line = this.segments[0]?.line ?? 1;
    for (const s of this.segments) {
      if (offset !== undefined && s.start <= offset) line = s.line;
      else break;
    }
    return line;
  }

  lineAt(offset: number | undefined): number {
    const segs = this.segments;
    if (segs.length === 0) return this.slots[0]?.line ?? 1;
    if (offset === undefined) return segs[0].line;
    let seg = segs[0];
    for (const s of segs) {
      if (s.start <= offset) seg = s;
      else break;
    }
    const within = Math.max(0, Math.min(offset, seg.end) - seg.start);
    let line = seg.line;
    for (let i = seg.text.indexOf('\n'); i >= 0 && i < within; i = seg.text.indexOf('\n', i + 1)) line++;
    return line;
  }
}

function schemaFor(run: Run<unknown>, blocks: boolean): Schema {
  return {
    tagNames: [...INLINE_MAPPED, ...UNWRAP, ...(blocks ? BLOCKS : []), ...run.slots.map((_, i) => `${run.slotTag}-${i}`)],
    strip: DROP,
    attributes: { a: ['href', 'title'], abbr: ['title'] },
    protocols: { href: SAFE_SCHEMES },
    clobber: [],
    allowComments: false,
    allowDoctypes: false,
  };
}

function parse<N>(run: Run<N>, host: HtmlHost, blocks: boolean): Root {
  let tree: Root;
  let clean: Root;
  try {
    tree = fromHtml(run.html, { fragment: true });
    review(run, tree, host, blocks);
    clean = sanitize(tree, schemaFor(run as Run<unknown>, blocks)) as Root;
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(HTML_NESTING_MESSAGE, { file: host.file, line: run.lineAt(0) });
    throw err;
  }
  return clean;
}

/** Warnings for what sanitising will remove, and which slots vanish with dropped elements. */
function review<N>(run: Run<N>, tree: Root, host: HtmlHost, blocks: boolean): void {
  const stack: Array<{ node: RootContent | Root; dropped: boolean }> = [{ node: tree, dropped: false }];
  const keptSegments = new Set<number>();
  while (stack.length > 0) {
    const { node, dropped } = stack.pop()!;
    if (node.type === 'text') {
      for (const i of run.slotsInText(node.value)) if (dropped) run.dropped.add(i);
      continue;
    }
    if (node.type !== 'element' && node.type !== 'root') continue;
    let drop = dropped;
    if (node.type === 'element') {
      const name = node.tagName;
      const slot = run.slotIndex(node);
      const line = run.lineAt(node.position?.start.offset);
      if (slot !== undefined) {
        if (dropped) run.dropped.add(slot);
      } else if (!dropped) {
        if (DROP_SET.has(name)) {
          host.warn(`raw HTML <${name}> dropped with its content`, line);
          drop = true;
        } else if (name === 'img') {
          host.warn('raw HTML <img> is not supported; use ![alt text](path)', line);
        } else if (!KNOWN.has(name)) {
          host.warn(`raw HTML <${name}> is not supported; kept its text`, line);
        } else if (name === 'a') {
          const href = String(node.properties?.href ?? '');
          const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u0020]+/g, ''))?.[1];
          if (scheme && !SAFE_SCHEMES.includes(scheme)) host.warn(`raw HTML link to a ${scheme.toLowerCase()}: URL dropped; kept its text`, line);
        }
        if (blocks && !drop && BLOCK_SET.has(name)) keptSegments.add(run.segmentLine(node.position?.start.offset));
      }
      // A template's children live in `content`.
      const content = (node as Element & { content?: Root }).content;
      if (content) stack.push({ node: content, dropped: drop });
      for (const [k, v] of Object.entries(node.properties ?? {})) {
        if (typeof v === 'string' && (drop || !(k === 'href' || k === 'title'))) {
          for (const i of run.slotsInText(v)) run.dropped.add(i);
        }
      }
    }
    const children = node.children as RootContent[];
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k], dropped: drop });
  }
  for (const line of keptSegments) host.warn('raw HTML block: kept its text, not its markup', line);
}

function missingSlots<N>(run: Run<N>, host: HtmlHost): void {
  for (let i = 0; i < run.slots.length; i++) {
    if (!run.emitted.has(i) && !run.dropped.has(i)) {
      host.warn('text next to raw HTML was lost (an unclosed HTML tag?)', run.slots[i].line);
    }
  }
}

/** Converts a run of phrasing siblings that holds raw HTML into model inlines. */
export function convertInlineRun<N>(items: RunItem<N>[], host: HtmlHost, convertSlot: (node: N) => Inline[]): Inline[] {
  const run = new Run(items, host);
  const tree = parse(run, host, false);
  const mapper = new InlineMapper(run, host, (i) => convertSlot(run.slots[i].node), false);
  const out = mapper.inlines(tree.children as ElementContent[], 0);
  missingSlots(run, host);
  return out;
}

/** Converts a run of block siblings that holds raw HTML blocks into model blocks. */
export function convertBlockRun<N>(
  items: RunItem<N>[],
  host: HtmlHost,
  convertSlot: (node: N) => Block[],
  make: BlockFactory,
): Block[] {
  const run = new Run(items, host);
  const tree = parse(run, host, true);
  const slotInlines = (_: number): Inline[] => [];
  const mapper = new InlineMapper(run, host, slotInlines, true);
  const out: Block[] = [];
  let buffer: Inline[] = [];
  let bufferLine = 0;

  const flush = () => {
    const content = trimInlines(buffer);
    buffer = [];
    if (content.length > 0 && plainText(content).trim() !== '') out.push(make.paragraph(content, bufferLine));
  };
  const walk = (nodes: RootContent[], depth: number): void => {
    if (depth > NESTING_LIMIT + 50) throw new InputError(HTML_NESTING_MESSAGE, { file: host.file, line: run.lineAt(0) });
    for (const node of nodes) {
      if (node.type === 'text') {
        const value = run.cleanText(node.value).replace(/[ \t\n\r\f]+/g, ' ');
        if (value.trim() === '' && buffer.length === 0) continue;
        if (buffer.length === 0) bufferLine = run.lineAt(node.position?.start.offset);
        buffer.push({ type: 'text', value });
        continue;
      }
      if (node.type !== 'element') continue;
      const line = run.lineAt(node.position?.start.offset);
      const slot = run.slotIndex(node);
      if (slot !== undefined) {
        flush();
        run.emitted.add(slot);
        out.push(...convertSlot(run.slots[slot].node));
      } else if (node.tagName === 'pre') {
        flush();
        const value = mapper.textContent(node).replace(/^\n/, '').replace(/\n$/, '');
        if (value.trim() !== '') out.push(make.code(value, line));
        markSlots(node, run);
      } else if (node.tagName === 'hr') {
        flush();
        out.push(make.thematicBreak(line));
      } else if (BLOCK_SET.has(node.tagName) || containsSlot(node, run)) {
        flush();
        walk(node.children, depth + 1);
        flush();
      } else {
        if (buffer.length === 0) bufferLine = line;
        buffer.push(...mapper.inlines([node], depth));
      }
    }
  };
  walk(tree.children, 0);
  flush();
  missingSlots(run, host);
  return out;
}

function containsSlot(el: Element, run: Run<unknown>): boolean {
  const stack: ElementContent[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'element') {
      if (run.slotIndex(n) !== undefined) return true;
      stack.push(...n.children);
    }
  }
  return false;
}

/** Slots inside a `<pre>` are represented by its text; they count as handled. */
function markSlots(el: Element, run: Run<unknown>): void {
  const stack: ElementContent[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'element') {
      const i = run.slotIndex(n);
      if (i !== undefined) run.dropped.add(i);
      stack.push(...n.children);
    }
  }
}

class InlineMapper {
  constructor(
    private readonly run: Run<unknown>,
    private readonly host: HtmlHost,
    private readonly slot: (i: number) => Inline[],
    private readonly collapse: boolean,
  ) {}

  inlines(nodes: ElementContent[], depth: number): Inline[] {
    if (depth > NESTING_LIMIT + 50) throw new InputError(HTML_NESTING_MESSAGE, { file: this.host.file, line: this.run.lineAt(0) });
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        let value = this.run.cleanText(node.value);
        if (this.collapse) value = value.replace(/[ \t\n\r\f]+/g, ' ');
        if (value !== '') out.push({ type: 'text', value });
        continue;
      }
      if (node.type !== 'element') continue;
      const slot = this.run.slotIndex(node);
      if (slot !== undefined) {
        this.run.emitted.add(slot);
        out.push(...this.slot(slot));
        continue;
      }
      const kids = () => this.inlines(node.children, depth + 1);
      switch (node.tagName) {
        case 'em':
        case 'i':
          out.push({ type: 'emphasis', children: kids() });
          break;
        case 'strong':
        case 'b':
          out.push({ type: 'strong', children: kids() });
          break;
        case 'del':
        case 's':
        case 'strike':
          out.push({ type: 'strikethrough', children: kids() });
          break;
        case 'sub':
          out.push({ type: 'subscript', children: kids() });
          break;
        case 'sup':
          out.push({ type: 'superscript', children: kids() });
          break;
        case 'abbr': {
          const title = this.run.cleanText(String(node.properties?.title ?? '')).trim();
          out.push(title ? { type: 'abbr', title, children: kids() } : { type: 'abbr', children: kids() });
          break;
        }
        case 'br':
          out.push({ type: 'break' });
          break;
        case 'code':
        case 'kbd':
        case 'samp': {
          const value = this.textContent(node);
          if (value !== '') out.push({ type: 'code', value });
          break;
        }
        case 'a': {
          const href = node.properties?.href;
          const children = kids();
          if (typeof href === 'string' && href.trim() !== '') {
            const title = node.properties?.title;
            const line = this.run.lineAt(node.position?.start.offset);
            out.push(...this.host.link(this.run.cleanText(href), typeof title === 'string' ? this.run.cleanText(title) : undefined, children, line));
          } else {
            out.push(...children);
          }
          break;
        }
        case 'q':
          out.push({ type: 'text', value: '“' }, ...kids(), { type: 'text', value: '”' });
          break;
        default:
          out.push(...kids());
      }
    }
    return out;
  }

  /** Text of an element, slots included as their plain text. */
  textContent(el: Element): string {
    let s = '';
    const stack: ElementContent[] = [el];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'text') s += this.run.cleanText(n.value);
      else if (n.type === 'element') {
        const slot = this.run.slotIndex(n);
        if (slot !== undefined) {
          this.run.emitted.add(slot);
          s += plainText(this.slot(slot));
        } else {
          for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
        }
      }
    }
    return s;
  }
}

function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  while (out.length > 0 && out[0].type === 'text' && out[0].value.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1].type === 'text' && (out[out.length - 1] as { value: string }).value.trim() === '') out.pop();
  if (out.length > 0 && out[0].type === 'text') out[0] = { type: 'text', value: out[0].value.trimStart() };
  const last = out.length - 1;
  if (last >= 0 && out[last].type === 'text') out[last] = { type: 'text', value: (out[last] as { value: string }).value.trimEnd() };
  return out;
}

/** Rough depth of an HTML string's element tree, counted from its tags in one linear pass. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  let i = html.indexOf('<');
  while (i >= 0) {
    const close = html[i + 1] === '/';
    const m = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(html.slice(i + (close ? 2 : 1), i + 80));
    const end = html.indexOf('>', i + 1);
    if (end < 0) break;
    if (m) {
      const name = m[0].toLowerCase();
      const selfClosing = html[end - 1] === '/';
      if (!NO_DEPTH.has(name) && !selfClosing) {
        if (close) depth = Math.max(0, depth - 1);
        else max = Math.max(max, ++depth);
      }
    }
    i = html.indexOf('<', m ? end + 1 : i + 1);
  }
  return max;
}
