// The EPUB stylesheet. It leaves the reader in charge: no colours, no body font
// size or line height, relative units only, hyphenation from the document language
// (never soft hyphens), images that fit the screen and tables that scroll.

export interface StylesheetOptions {
  /** Embedded faces: `[file name, weight, style]`, relative to the stylesheet. */
  fonts?: { href: string; weight: number; style: 'normal' | 'italic' }[];
  family?: string;
}

const BASE = `@namespace epub "http://www.idpf.org/2007/ops";

body {
  margin: 0 0.5em;
  widows: 2;
  orphans: 2;
}

p, li, dd, blockquote, figcaption, td, th, aside {
  -webkit-hyphens: auto;
  -epub-hyphens: auto;
  hyphens: auto;
}

p {
  margin: 0;
}

p + p {
  text-indent: 1.5em;
}

h1, h2, h3, h4, h5, h6 {
  -webkit-hyphens: manual;
  -epub-hyphens: manual;
  hyphens: manual;
  font-weight: bold;
  line-height: 1.2;
  margin: 1.5em 0 0.75em;
  page-break-after: avoid;
  break-after: avoid;
}

h1 { font-size: 1.6em; margin-top: 2em; }
h2 { font-size: 1.3em; }
h3 { font-size: 1.15em; }
h4 { font-size: 1em; }
h5 { font-size: 1em; font-style: italic; }
h6 { font-size: 1em; font-weight: normal; font-style: italic; }

blockquote {
  margin: 1em 1.5em;
}

ul, ol {
  margin: 0.75em 0;
  padding-left: 1.5em;
}

[dir="rtl"] ul, [dir="rtl"] ol {
  padding-left: 0;
  padding-right: 1.5em;
}

li ul, li ol {
  margin: 0;
}

li > p + p {
  text-indent: 0;
  margin-top: 0.5em;
}

li.task {
  list-style-type: none;
}

.task-box {
  margin-left: -1.2em;
  display: inline-block;
  width: 1.2em;
}

code, pre {
  font-family: "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  -webkit-hyphens: none;
  -epub-hyphens: none;
  hyphens: none;
}

code {
  font-size: 0.9em;
}

pre {
  margin: 1em 0;
  white-space: pre-wrap;
  word-wrap: break-word;
  overflow-wrap: break-word;
  page-break-inside: avoid;
}

pre code {
  font-size: 0.85em;
}

hr {
  border: none;
  border-top: thin solid;
  width: 25%;
  margin: 1.5em auto;
}

sup, sub {
  line-height: 0;
}

a[epub|type~="noteref"] {
  padding: 0 0.1em;
}

figure {
  margin: 1.5em 0;
  text-align: center;
  page-break-inside: avoid;
  break-inside: avoid;
}

img {
  max-width: 100%;
  height: auto;
}

figcaption {
  margin-top: 0.5em;
  font-style: italic;
}

.table-wrap {
  overflow-x: auto;
  max-width: 100%;
  margin: 1em 0;
}

table {
  border-collapse: collapse;
  margin: 0 auto;
}

th, td {
  padding: 0.25em 0.75em;
  vertical-align: top;
}

thead th {
  border-bottom: thin solid;
}

.align-left { text-align: left; }
.align-right { text-align: right; }
.align-center { text-align: center; }

abbr[title] {
  text-decoration: none;
  border-bottom: none;
}

.footnotes {
  margin-top: 2em;
  border-top: thin solid;
  padding-top: 0.5em;
  font-size: 0.9em;
}

aside[epub|type~="footnote"] {
  margin: 0.5em 0;
}

aside[epub|type~="footnote"] p + p {
  text-indent: 0;
  margin-top: 0.5em;
}

nav[hidden] {
  display: none;
}

/* Cover */
body.cover-page {
  margin: 0;
  padding: 0;
  text-align: center;
}

.cover img {
  display: block;
  margin: 0 auto;
  max-height: 100vh;
  max-width: 100%;
}

/* Title page, contents and colophon */
.titlepage {
  text-align: center;
  margin-top: 3em;
}

.titlepage h1.title {
  font-size: 2em;
  margin: 0 0 0.5em;
}

.titlepage .subtitle {
  font-style: italic;
  font-size: 1.2em;
  margin-bottom: 2em;
}

.titlepage p {
  text-indent: 0;
}

.titlepage .author {
  font-size: 1.1em;
  margin-top: 0.25em;
}

.titlepage .publisher {
  margin-top: 4em;
  font-variant: small-caps;
  letter-spacing: 0.05em;
}

nav#toc ol {
  list-style-type: none;
  padding-left: 0;
  margin: 0;
}

nav#toc ol ol {
  padding-left: 1.5em;
}

[dir="rtl"] nav#toc ol ol {
  padding-left: 0;
  padding-right: 1.5em;
}

nav#toc li {
  margin: 0.35em 0;
}

nav#toc a {
  text-decoration: none;
}

.colophon {
  margin-top: 2em;
}

.colophon h1 {
  font-size: 1.2em;
}

.colophon p {
  text-indent: 0;
  margin: 0 0 0.75em;
}

.colophon .title {
  font-weight: bold;
}

.colophon .subtitle {
  font-style: italic;
}

.colophon dl {
  margin: 1em 0;
}

.colophon dt {
  font-variant: small-caps;
  letter-spacing: 0.05em;
  margin-top: 0.5em;
}

.colophon dd {
  margin: 0;
}
`;

export function stylesheet(o: StylesheetOptions = {}): string {
  if (!o.fonts?.length || !o.family) return BASE;
  let faces = '';
  for (const f of o.fonts) {
    faces += `@font-face {\n  font-family: "${o.family}";\n  font-weight: ${f.weight};\n  font-style: ${f.style};\n  src: url("${f.href}");\n}\n\n`;
  }
  const family = `body {\n  font-family: "${o.family}", serif;\n}\n\n`;
  // @namespace must precede every other rule but @charset/@import.
  const [ns, ...rest] = BASE.split('\n\n');
  return `${ns}\n\n${faces}${family}${rest.join('\n\n')}`;
}
