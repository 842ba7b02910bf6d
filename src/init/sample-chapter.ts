// The sample chapter `imprint init` writes: its front matter shows every key the
// reader accepts, each with a comment saying what it does, so an author learns the
// format by editing it. Keys whose example value would be wrong for a real book
// (an ISBN, a cover image that does not exist yet) are commented out.

import { yamlString } from '../import/yaml-scalar.js';

export interface SampleOptions {
  title: string;
  slug: string;
  /** `YYYY-MM-DD`. */
  date: string;
  year: string;
}

/** `key: value` lines, each under a comment saying what the key does. */
function commented(rows: [string, string][]): string[] {
  return rows.flatMap(([code, comment]) => {
    const indent = /^\s*/.exec(code)![0];
    return comment ? [`${indent}# ${comment}`, code] : [code];
  });
}

export function sampleChapter(o: SampleOptions): string {
  const rows: [string, string][] = [
    [`title: ${yamlString(o.title)}`, 'The book’s title: on the title page, in the metadata and the running heads.'],
    ['subtitle: A Sample Book', 'Shown under the title.'],
    ['author: Your Name', 'One name, or a list: [Ada Lovelace, Charles Babbage]'],
    [`date: ${o.date}`, 'Publication date, YYYY-MM-DD.'],
    ['lang: en', 'The language, as a BCP 47 tag: en, en-GB, fr, de, he, ar …'],
    ['publisher: Your Imprint', 'On the title page and in the metadata.'],
    [`rights: © ${o.year} Your Name. All rights reserved.`, 'The copyright line.'],
    ['description: One or two sentences about the book, for stores and catalogues.', 'The blurb.'],
    ['keywords: [fiction, sample]', 'Subjects, for stores and library catalogues.'],
    ['# identifier: urn:isbn:9780000000002', 'The ISBN (or a urn:uuid:…). Without one, imprint makes a stable id from title and author.'],
    [`slug: ${o.slug}`, `File name of the editions: dist/${o.slug}.epub, .pdf and .txt (default: the file name).`],
    ['# cover: ../assets/cover.jpg', 'A cover image (PNG, JPEG or SVG), relative to this file or to assets/.'],
    ['toc-depth: 2', 'How many heading levels the contents lists, 1 to 6.'],
    ['pdf:', 'The print edition.'],
    ['  size: A5', 'Page size: A4, A5, B5, Letter, 6x9in, or any WIDTHxHEIGHT in mm, in or pt.'],
    ['  binding: false', 'true: mirrored margins, wider inside, for a bound two-sided print.'],
    ['series: Sample Series', 'The series the book belongs to, if any.'],
    ['series-index: 1', 'Its number in the series.'],
    ['epub-fonts: false', 'true: embed the PDF’s typeface in the EPUB too.'],
  ];
  return `---
# The front matter: what imprint needs to know about the book. Only the title
# matters to start with; delete the lines you do not need. Every key is described
# in the README, under "Front matter".

${commented(rows).join('\n')}
---

# The First Chapter

Each \`#\` heading starts a chapter, and \`##\` headings divide it into sections.
Both are listed in the contents of every edition. Write paragraphs as plain text
with a blank line between them; *emphasis* and **strong emphasis** work as
usual, and so do “curly quotes” and dashes — type them as you mean them.

## A Section

A footnote goes where you cite it,[^source] and its text anywhere in the file.

> A block quote is set off from the text around it.

Pictures go in the \`assets\` folder, beside this one, and into the text like this:
\`![A description for readers who cannot see it](../assets/picture.png)\`.

[^source]: Notes are numbered for you, in the order they are cited.

# The Second Chapter

Add more chapters here, or as more files in \`manuscript/\`: a folder of files is
read as one book, in the natural order of their names (\`01-…\`, \`02-…\`, \`10-…\`).
`;
}
