#!/usr/bin/env node
// Markdown → Typst, for the Typst reference of the benchmark only: the constructs
// the bench manuscripts use (headings, paragraphs, emphasis, lists, quotes, scene
// breaks, footnotes, code, links, tables), set up like imprint's default PDF
// (src/editions/pdf/geometry.ts, styles.ts): A4, margins of 1.5/9 of the width at
// the sides, 1/9 of the height at the head and 1.5/9 at the foot, Source Serif 4
// at 11 pt, justified and hyphenated, a contents page, page numbers, footnotes.
//
//   node bench/md2typ.mjs IN.md OUT.typ

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The faces imprint's PDF uses, handed to Typst as font paths. */
export const TYPST_FONT_DIRS = ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic'].map((d) =>
  path.join(ROOT, 'node_modules/@expo-google-fonts/source-serif-4', d),
);

// Every character with a meaning in Typst markup; a backslash makes it literal.
const SPECIAL = /[\\#*_`$<>@\[\]=~\-+/"'{}]/g;
const escape = (s) => s.replace(SPECIAL, (c) => '\\' + c);
const str = (s) => JSON.stringify(s);

function frontMatter(md) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  const meta = {};
  if (m) {
    for (const line of m[1].split('\n')) {
      const kv = /^(\w+):\s*(.*)$/.exec(line);
      if (kv && kv[2] && !kv[2].startsWith('>')) meta[kv[1]] = kv[2].replace(/^["']|["']$/g, '');
    }
  }
  return { meta, body: m ? md.slice(m[0].length) : md };
}

export function markdownToTypst(md) {
  const { meta, body } = frontMatter(md);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body);
  const definitions = new Map();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);

  const inline = (nodes) => nodes.map(inlineNode).join('');
  function inlineNode(n) {
    switch (n.type) {
      case 'text':
        return escape(n.value.replace(/\n/g, ' '));
      case 'emphasis':
        return `#emph[${inline(n.children)}]`;
      case 'strong':
        return `#strong[${inline(n.children)}]`;
      case 'delete':
        return `#strike[${inline(n.children)}]`;
      case 'inlineCode':
        return `#raw(${str(n.value)})`;
      case 'link':
        return `#link(${str(n.url)})[${inline(n.children)}]`;
      case 'break':
        return ' \\\n';
      case 'footnoteReference': {
        const def = definitions.get(n.identifier);
        return def ? `#footnote[${def.children.map((b) => blockNode(b, '')).join('\n\n').trim()}]` : '';
      }
      case 'image':
        return escape(n.alt ?? '');
      case 'html':
        return escape(n.value);
      default:
        return n.children ? inline(n.children) : escape(n.value ?? '');
    }
  }

  function blockNode(n, indent) {
    switch (n.type) {
      case 'heading':
        return `${'='.repeat(n.depth)} ${inline(n.children)}`;
      case 'paragraph':
        return inline(n.children);
      case 'blockquote':
        return `#quote(block: true)[\n${n.children.map((b) => blockNode(b, '')).join('\n\n')}\n]`;
      case 'list': {
        const start = n.start ?? 1;
        const items = n.children.map((item, i) => {
          const marker = n.ordered ? `${start + i}.` : '-';
          const inner = item.children.map((b) => blockNode(b, indent + '  ')).join(n.spread ? '\n\n' + indent + '  ' : '\n' + indent + '  ');
          return `${indent}${marker} ${inner}`;
        });
        return items.join(n.spread ? '\n\n' : '\n');
      }
      case 'thematicBreak':
        return '#align(center)[#sym.ast.op #h(1em) #sym.ast.op #h(1em) #sym.ast.op]';
      case 'code':
        return `#raw(block: true, ${n.lang ? `lang: ${str(n.lang)}, ` : ''}${str(n.value)})`;
      case 'table': {
        const cols = n.children[0]?.children.length ?? 1;
        const cells = n.children.flatMap((row) => row.children.map((cell) => `[${inline(cell.children)}]`));
        return `#table(columns: ${cols}, ${cells.join(', ')})`;
      }
      case 'footnoteDefinition':
      case 'definition':
      case 'html':
        return '';
      default:
        return n.children ? n.children.map((b) => blockNode(b, indent)).join('\n\n') : '';
    }
  }

  const title = meta.title ?? 'Untitled';
  const preamble = [
    `#set document(title: ${str(title)}${meta.author ? `, author: ${str(meta.author)}` : ''})`,
    `#set page(paper: "a4", margin: (x: 99.21pt, top: 93.54pt, bottom: 140.31pt), numbering: "1", number-align: center)`,
    `#set text(font: "Source Serif 4", size: 11pt, lang: ${str((meta.lang ?? 'en').slice(0, 2))})`,
    `#set par(justify: true, first-line-indent: 1.5em, leading: 0.6em)`,
    `#show heading.where(level: 1): it => { pagebreak(weak: true); v(4em); it; v(1.5em) }`,
    `#align(center)[#v(30%) #text(size: 22pt)[${escape(title)}]${meta.subtitle ? ` \\ #v(1em) #text(size: 13pt)[${escape(meta.subtitle)}]` : ''}${meta.author ? ` \\ #v(2em) ${escape(meta.author)}` : ''}]`,
    `#pagebreak()`,
    `#outline(depth: 2)`,
    `#pagebreak()`,
  ];
  const blocks = tree.children.map((b) => blockNode(b, '')).filter(Boolean);
  return preamble.join('\n') + '\n\n' + blocks.join('\n\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write('usage: node bench/md2typ.mjs IN.md OUT.typ\n');
    process.exit(2);
  }
  await fs.writeFile(output, markdownToTypst(await fs.readFile(input, 'utf8')));
}
