// Issue #5, "Markup is sanitised": no active content reaches any edition, and
// front-matter strings are escaped wherever they land.

import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { manuscript, Project } from '../support/project.js';
import { epubcheck, pdfinfo, pdfXmp, requireTool, unzipEpub, type UnzippedEpub } from '../support/tools.js';

const HOSTILE_BODY = `# Chapter

Before <script>document.write("SCRIPTSOURCE")</script> after.

<iframe src="https://evil.example/"></iframe>

<object data="x.swf">OBJECTTEXT</object><embed src="x.swf">

<form action="https://evil.example/"><input name="q"></form>

<style>body { display: none } /* STYLESOURCE */</style>

A <span onclick="alert('HANDLER')" onmouseover="alert(2)">handled</span> word and <b onload="x()">bold</b>.

[js link](javascript:alert('JSLINK')) [data link](data:text/html;base64,PHNjcmlwdD4=) [vb link](vbscript:msgbox("VB"))
<a href="javascript:alert(1)">raw js link</a> <a href="JaVaScRiPt:alert(1)">mixed case</a>

<svg onload="alert(1)"><script>SVGSCRIPT</script></svg>
`;

const TITLE = '</title><script>alert("T")</script> & "quoted" <b>';

describe('markup is sanitised', () => {
  let p: Project;
  let epub: UnzippedEpub;
  let xhtml: string;
  let txt: string;
  let html: string;

  beforeAll(async () => {
    p = new Project({ 'manuscript/book.md': manuscript(`title: ${JSON.stringify(TITLE)}\nauthor: "A & B <c@d>"\ndate: 2024-01-01`, HOSTILE_BODY) });
    const r = p.build(['--formats', 'epub,pdf,txt,html']);
    expect(r.status, r.stderr).toBe(0);
    epub = await unzipEpub(p.read('dist/book.epub'));
    const docs = epub.names.filter((n) => n.endsWith('.xhtml'));
    xhtml = (await Promise.all(docs.map((n) => epub.text(n)))).join('\n');
    txt = p.text('dist/book.txt');
    html = p.text('dist/book.html');
  });

  it('drops active elements and their content from every edition', () => {
    // The web edition's own stylesheet is the one <style> allowed, in its head.
    const htmlBody = html.slice(html.indexOf('<body'));
    for (const edition of [xhtml, htmlBody]) {
      expect(edition).not.toMatch(/<(script|iframe|object|embed|form|input|style)\b/i);
    }
    for (const edition of [xhtml, txt, html]) {
      for (const leak of ['SCRIPTSOURCE', 'STYLESOURCE', 'SVGSCRIPT', 'HANDLER', 'JSLINK']) expect(edition).not.toContain(leak);
    }
    expect(xhtml).toContain('Before');
    expect(xhtml).toContain('handled');
  });

  it('keeps no event handler and no javascript:, data: or vbscript: link target', () => {
    const htmlBody = html.slice(html.indexOf('<body'));
    for (const edition of [xhtml, htmlBody]) {
      expect(edition).not.toMatch(/\son[a-z]+\s*=/i);
      expect(edition).not.toMatch(/href\s*=\s*["']\s*(javascript|data|vbscript):/i);
    }
    expect(txt).not.toMatch(/javascript:|vbscript:|data:text/i);
    expect(txt).toContain('js link');
  });

  it('warns about what it dropped, naming the line', () => {
    const r = p.build(['--formats', 'txt']);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:9: warning: .*script/m);
  });

  it('keeps the EPUB valid and unscripted', async () => {
    const opf = await epub.text(epub.names.find((n) => n.endsWith('.opf'))!);
    expect(opf).not.toMatch(/scripted/);
    if (!requireTool('epubcheck')) return;
    const check = epubcheck(path.join(p.dir, 'dist/book.epub'));
    expect(check.output).toMatch(/No errors or warnings/);
    expect(check.ok, check.output).toBe(true);
  });

  it('escapes front-matter strings in XHTML, OPF, NCX, PDF info and XMP', async () => {
    for (const name of epub.names.filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) {
      const errors: string[] = [];
      const doc = new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(await epub.text(name), 'application/xml');
      expect(errors, name).toEqual([]);
      expect(doc.getElementsByTagName('script').length, name).toBe(0);
    }
    const opf = await epub.text(epub.names.find((n) => n.endsWith('.opf'))!);
    expect(opf).toMatch(/&lt;\/title&gt;&lt;script&gt;alert\((&quot;|")T(&quot;|")\)&lt;\/script&gt; &amp; (&quot;|")quoted(&quot;|") &lt;b&gt;/);
    if (!requireTool('pdfinfo')) return;
    const info = pdfinfo(path.join(p.dir, 'dist/book.pdf'));
    expect(info.Title).toBe(TITLE);
    const xmp = pdfXmp(path.join(p.dir, 'dist/book.pdf'));
    expect(xmp).toBeDefined();
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xmp!, 'application/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement?.textContent).toContain(TITLE);
  });
});
