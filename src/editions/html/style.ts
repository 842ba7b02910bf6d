// The web edition's stylesheet, inlined in the page. System font stacks only: the
// page must make no request of its own, and a 40em measure of a good system serif
// reads as well as a web font. Light and dark follow the reader's setting.

export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --text: #1d1d1f;
  --muted: #5f6368;
  --paper: #fdfcf8;
  --rule: #d8d4c8;
  --accent: #8a3b12;
  --code-bg: #f1eee6;
  --mark: #fff3b0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e8e6e1;
    --muted: #a7a39a;
    --paper: #17171a;
    --rule: #3a3a40;
    --accent: #f0a868;
    --code-bg: #24242a;
    --mark: #4a4020;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html {
  background: var(--paper);
  color: var(--text);
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, "Source Serif 4", "Source Serif Pro", Georgia, Cambria, "Noto Serif", "DejaVu Serif", serif;
  font-size: 112.5%;
  line-height: 1.55;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  max-width: 40em;
  margin: 0 auto;
  padding: 2.5rem 1.25rem 4rem;
  hyphens: auto;
  -webkit-hyphens: auto;
  overflow-wrap: break-word;
  font-variant-numeric: oldstyle-nums proportional-nums;
  font-kerning: normal;
}
p { margin: 0 0 1em; }
h1, h2, h3, h4, h5, h6 {
  line-height: 1.25;
  hyphens: manual;
  -webkit-hyphens: manual;
  font-weight: 600;
  margin: 2em 0 0.75em;
  text-wrap: balance;
}
h2 { font-size: 1.6em; }
h3 { font-size: 1.3em; }
h4 { font-size: 1.12em; }
h5 { font-size: 1em; }
h6 { font-size: 1em; font-weight: 400; font-style: italic; }
a { color: var(--accent); text-decoration-thickness: 0.06em; text-underline-offset: 0.15em; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
:target { background: var(--mark); }
abbr[title] { text-decoration: underline dotted; }
sup, sub { line-height: 0; }
code, pre, kbd {
  font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Source Code Pro", "DejaVu Sans Mono", monospace;
  font-size: 0.86em;
  font-variant-numeric: normal;
}
code { background: var(--code-bg); padding: 0.05em 0.25em; border-radius: 3px; }
pre {
  background: var(--code-bg);
  padding: 0.8em 1em;
  overflow-x: auto;
  line-height: 1.4;
  border-radius: 4px;
  hyphens: none;
  -webkit-hyphens: none;
  tab-size: 4;
  margin: 0 0 1em;
}
pre code { background: none; padding: 0; font-size: 1em; }
blockquote {
  margin: 0 0 1em;
  padding: 0 0 0 1.2em;
  border-left: 3px solid var(--rule);
  color: var(--muted);
}
[dir="rtl"] blockquote { padding: 0 1.2em 0 0; border-left: none; border-right: 3px solid var(--rule); }
ul, ol { margin: 0 0 1em; padding-inline-start: 1.6em; }
li > ul, li > ol { margin-bottom: 0; }
li > p { margin-bottom: 0.5em; }
li.task { list-style: none; }
li.task input { margin-block: 0; margin-inline: -1.35em 0.35em; vertical-align: -0.1em; }
hr {
  border: none;
  margin: 2em auto;
  text-align: center;
  height: 1.5em;
}
hr::after { content: "*\\2003*\\2003*"; color: var(--muted); }
figure { margin: 1.5em 0; text-align: center; }
figure img { display: block; margin: 0 auto; }
img { max-width: 100%; height: auto; }
img.inline { max-height: 1.4em; width: auto; vertical-align: -0.25em; }
figcaption { font-size: 0.9em; color: var(--muted); margin-top: 0.5em; font-style: italic; }
.table-scroll { overflow-x: auto; margin: 0 0 1.2em; }
.table-scroll:focus-visible { outline: 2px solid var(--accent); }
table {
  border-collapse: collapse;
  margin: 0;
  width: 100%;
  font-variant-numeric: lining-nums tabular-nums;
  font-size: 0.95em;
}
th, td { padding: 0.35em 0.6em; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: start; }
th { border-bottom: 2px solid var(--muted); font-weight: 600; }
.align-left { text-align: left; }
.align-right { text-align: right; }
.align-center { text-align: center; }
header.titlepage { text-align: center; margin: 2em 0 3em; }
header.titlepage img.cover { display: block; margin: 0 auto 2em; max-height: 80vh; width: auto; box-shadow: 0 0.2em 1em rgb(0 0 0 / 0.25); }
header.titlepage h1 { font-size: 2.3em; margin: 0 0 0.3em; }
header.titlepage .subtitle { font-size: 1.25em; font-style: italic; color: var(--muted); }
header.titlepage .authors { font-size: 1.15em; margin-top: 1.5em; }
header.titlepage .date { color: var(--muted); }
nav.toc { margin: 0 0 3em; padding: 1em 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
nav.toc h2 { margin-top: 0; font-size: 1.2em; }
nav.toc ol { list-style: none; margin: 0; padding-inline-start: 0; }
nav.toc ol ol { padding-inline-start: 1.4em; }
nav.toc li { margin: 0.2em 0; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
section.chapter { margin-bottom: 3em; }
section.chapter > h2:first-child { margin-top: 1em; }
.noteref { text-decoration: none; padding-inline-start: 0.05em; }
.notes { margin-top: 2em; padding-top: 0.8em; border-top: 1px solid var(--rule); font-size: 0.9em; }
.notes h3 { font-size: 1em; margin: 0 0 0.6em; color: var(--muted); font-weight: 600; }
aside.footnote { display: grid; grid-template-columns: 2.2em 1fr; margin: 0 0 0.6em; }
aside.footnote > .note-number { text-decoration: none; font-variant-numeric: lining-nums; }
aside.footnote .note-body > :last-child { margin-bottom: 0; }
aside.footnote .backlinks { font-size: 0.9em; }
footer.colophon {
  margin-top: 4em;
  padding-top: 1em;
  border-top: 1px solid var(--rule);
  text-align: center;
  color: var(--muted);
  font-size: 0.85em;
}
footer.colophon p { margin: 0.25em 0; }
@media (max-width: 30em) {
  html { font-size: 100%; }
  body { padding: 1.5rem 1rem 3rem; }
  header.titlepage h1 { font-size: 1.8em; }
}
@media print {
  html { background: none; font-size: 11pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  nav.toc, section.chapter { break-after: page; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  pre, figure, tr { break-inside: avoid; }
}
`;
