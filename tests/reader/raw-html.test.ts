// Raw HTML becomes model inlines or plain text; nothing active survives.

import { describe, expect, it } from 'vitest';
import type { Block, Inline, ParagraphBlock } from '../../src/model/document.js';
import { plainText } from '../../src/model/words.js';
import { allBlocks, allInlines, allStrings, fm, readText } from './helpers.js';

const FM = 'title: T\ndate: 2024-01-01';
/** Line of the first body line after `fm(FM, …)`. */
const L = 6;

async function body(md: string) {
  const r = await readText(fm(FM, md));
  return { ...r, blocks: allBlocks(r.book).filter((b) => b.type !== 'heading') };
}

async function inlinesOf(md: string): Promise<{ content: Inline[]; messages: string[] }> {
  const { blocks, messages } = await body(md);
  return { content: (blocks[0] as ParagraphBlock).content, messages };
}

describe('inline HTML', () => {
  it('maps what the model can express', async () => {
    const { content, messages } = await inlinesOf(
      'H<sub>2</sub>O, x<sup>2</sup>, <em>e</em><i>i</i>, <strong>s</strong><b>b</b>, <del>d</del><s>s</s><strike>k</strike>, ' +
        '<abbr title="World Health Organization">WHO</abbr>, a<br>b, <code>c</code> <kbd>Ctrl</kbd> <samp>out</samp>, ' +
        '<a href="https://example.org/" title="Ex">site</a>, <span>sp</span><mark>mk</mark><small>sm</small><u>u</u><cite>ci</cite>, <q>quoted</q>.',
    );
    expect(messages).toEqual([]);
    expect(content).toEqual([
      { type: 'text', value: 'H' },
      { type: 'subscript', children: [{ type: 'text', value: '2' }] },
      { type: 'text', value: 'O, x' },
      { type: 'superscript', children: [{ type: 'text', value: '2' }] },
      { type: 'text', value: ', ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'e' }] },
      { type: 'emphasis', children: [{ type: 'text', value: 'i' }] },
      { type: 'text', value: ', ' },
      { type: 'strong', children: [{ type: 'text', value: 's' }] },
      { type: 'strong', children: [{ type: 'text', value: 'b' }] },
      { type: 'text', value: ', ' },
      { type: 'strikethrough', children: [{ type: 'text', value: 'd' }] },
      { type: 'strikethrough', children: [{ type: 'text', value: 's' }] },
      { type: 'strikethrough', children: [{ type: 'text', value: 'k' }] },
      { type: 'text', value: ', ' },
      { type: 'abbr', title: 'World Health Organization', children: [{ type: 'text', value: 'WHO' }] },
      { type: 'text', value: ', a' },
      { type: 'break' },
      { type: 'text', value: 'b, ' },
      { type: 'code', value: 'c' },
      { type: 'text', value: ' ' },
      { type: 'code', value: 'Ctrl' },
      { type: 'text', value: ' ' },
      { type: 'code', value: 'out' },
      { type: 'text', value: ', ' },
      { type: 'link', href: 'https://example.org/', title: 'Ex', refNumber: 1, children: [{ type: 'text', value: 'site' }] },
      { type: 'text', value: ', spmksmuci, “quoted”.' },
    ]);
  });

  it('keeps Markdown inside HTML tags', async () => {
    const { content } = await inlinesOf('<sub>*em* and [l](https://x.org/)</sub>');
    expect(content).toEqual([
      {
        type: 'subscript',
        children: [
          { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
          { type: 'text', value: ' and ' },
          { type: 'link', href: 'https://x.org/', refNumber: 1, children: [{ type: 'text', value: 'l' }] },
        ],
      },
    ]);
  });

  it('drops scripts and their content, with a warning naming the line', async () => {
    const { book, messages } = await body('Before <script>document.write("SCRIPTSOURCE")</script> after.\n\nNext <style>/* STYLESOURCE */</style> one.\n');
    expect(plainText((book.chapters[0].blocks[0] as ParagraphBlock).content)).toBe('Before  after.');
    expect(messages).toEqual([
      `manuscript/book.md:${L}: raw HTML <script> dropped with its content`,
      `manuscript/book.md:${L + 2}: raw HTML <style> dropped with its content`,
    ]);
    expect(allStrings(book).join('\n')).not.toMatch(/SCRIPTSOURCE|STYLESOURCE|<script/);
  });

  it('never keeps event handlers or unsafe link targets', async () => {
    const { book, messages } = await body(
      'A <span onclick="alert(1)">handled</span> and <b onload="x()">bold</b>, ' +
        '<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(1)">mixed</a> <a href=" java\tscript:x">tab</a> ' +
        '<a href="data:text/html,x">data</a> <a href="vbscript:x">vb</a>.\n\n' +
        '[md js](javascript:alert(1)) [md data](data:text/html;base64,PHNjcmlwdD4=) [md vb](vbscript:msgbox("x")) [file](file:///etc/passwd)\n',
    );
    const strings = allStrings(book).join('\n');
    expect(strings).not.toMatch(/alert|javascript|vbscript|data:|file:|onclick|onload/i);
    const text = allBlocks(book).filter((b) => b.type === 'paragraph').map((b) => plainText((b as ParagraphBlock).content));
    expect(text).toEqual(['A handled and bold, js mixed tab data vb.', 'md js md data md vb file']);
    expect(allInlines(allBlocks(book)).filter((i) => i.type === 'link')).toEqual([]);
    expect(messages).toEqual([
      `manuscript/book.md:${L}: raw HTML link to a javascript: URL dropped; kept its text`,
      `manuscript/book.md:${L}: raw HTML link to a data: URL dropped; kept its text`,
      `manuscript/book.md:${L}: raw HTML link to a vbscript: URL dropped; kept its text`,
      `manuscript/book.md:${L + 2}: link to a javascript: URL dropped; kept its text`,
      `manuscript/book.md:${L + 2}: link to a data: URL dropped; kept its text`,
      `manuscript/book.md:${L + 2}: link to a vbscript: URL dropped; kept its text`,
      `manuscript/book.md:${L + 2}: link to a file: URL dropped; kept its text`,
    ]);
  });

  it('unwraps unknown elements with a warning, drops comments silently', async () => {
    const { content, messages } = await inlinesOf('One <blink>two</blink> <!-- secret --> three <img src="x.png" alt="pic">.');
    expect(plainText(content)).toBe('One two  three .');
    expect(JSON.stringify(content)).not.toContain('secret');
    expect(messages).toEqual([
      `manuscript/book.md:${L}: raw HTML <blink> is not supported; kept its text`,
      `manuscript/book.md:${L}: raw HTML <img> is not supported; use ![alt text](path)`,
    ]);
  });

  it('pairs tags across Markdown and survives unbalanced HTML', async () => {
    expect(plainText((await inlinesOf('<b>open only and *em*')).content)).toBe('open only and em');
    expect(plainText((await inlinesOf('close only</b> text')).content)).toBe('close only text');
    expect(plainText((await inlinesOf('<b><i>mis</b>nested</i>')).content)).toBe('misnested');
  });

  it('cannot be fooled into repeating or revealing the placeholders', async () => {
    const { content } = await inlinesOf('<imprint-slot-0></imprint-slot-0> <b>x</b> <imprint-slot1x-0>y</imprint-slot1x-0>');
    expect(plainText(content)).toBe(' x y');
    expect(JSON.stringify(content)).not.toContain('imprint-slot');
  });
});

describe('block HTML', () => {
  it('keeps text content as paragraphs, never markup, with a warning', async () => {
    const { blocks, messages } = await body('<div class="x">\n<p>First <b>bold</b> para.</p>\n<p>Second &amp; last.</p>\n</div>\n\nAfter.\n');
    const ps = blocks.map((b: Block) => b.type === 'paragraph' && plainText(b.content));
    expect(ps).toEqual(['First bold para.', 'Second & last.', 'After.']);
    expect((blocks[0] as ParagraphBlock).content).toContainEqual({ type: 'strong', children: [{ type: 'text', value: 'bold' }] });
    expect(messages).toEqual([`manuscript/book.md:${L}: raw HTML block: kept its text, not its markup`]);
  });

  it('turns <pre> into a code block and <hr> into a break', async () => {
    const { blocks } = await body('<pre>\n  indented\n    more\n</pre>\n\n<hr>\n');
    expect(blocks.map((b) => b.type)).toEqual(['code', 'thematicBreak']);
    expect(blocks[0]).toMatchObject({ value: '  indented\n    more' });
  });

  it('drops active blocks with everything inside, even across blank lines', async () => {
    const { book, messages } = await body(
      '<script>\n\nvar SCRIPTSOURCE = 1;\n\n</script>\n\n<iframe src="https://evil.example/">\n\nFRAMED\n\n</iframe>\n\n' +
        '<object data="x.swf">OBJECTTEXT</object><embed src="x.swf">\n\n<form action="/"><input name="q">FORMTEXT</form>\n\n' +
        '<svg onload="alert(1)"><script>SVGSCRIPT</script></svg>\n\n<template>TEMPLATETEXT</template>\n\nKept.\n',
    );
    const all = allStrings(book).join('\n');
    for (const leak of ['SCRIPTSOURCE', 'FRAMED', 'OBJECTTEXT', 'FORMTEXT', 'SVGSCRIPT', 'TEMPLATETEXT', 'alert']) expect(all).not.toContain(leak);
    expect(allBlocks(book).filter((b) => b.type === 'paragraph').map((b) => plainText((b as ParagraphBlock).content))).toEqual(['Kept.']);
    for (const el of ['script', 'iframe', 'object', 'embed', 'form', 'svg', 'template']) {
      expect(messages.some((m) => m.includes(`raw HTML <${el}> dropped with its content`)), el).toBe(true);
    }
  });

  it('keeps Markdown blocks between HTML tags', async () => {
    const { blocks, messages } = await body('<div>\n\n*Markdown* inside.\n\n</div>\n');
    expect(blocks).toHaveLength(1);
    expect((blocks[0] as ParagraphBlock).content[0]).toEqual({ type: 'emphasis', children: [{ type: 'text', value: 'Markdown' }] });
    expect(messages).toEqual([`manuscript/book.md:${L}: raw HTML block: kept its text, not its markup`]);
  });

  it('refuses HTML nested deeper than the limit', async () => {
    const { readError } = await import('./helpers.js');
    const err = await readError(fm(FM, 'x ' + '<span>'.repeat(150) + 'deep' + '</span>'.repeat(150) + '\n'));
    expect([err.message, err.line]).toEqual(['nesting deeper than 100 levels (HTML)', L]);
  });
});
