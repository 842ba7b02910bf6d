// A hand-built Book that uses every construct of the model, so each edition
// writer can be tested without going through the Markdown reader.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Block, Book, HeadingBlock, Inline, Resource, SourcePos } from '../../src/model/document.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../fixtures');

const pos = (line: number): SourcePos => ({ file: 'tests/fixtures/sample.md', line });
const t = (value: string): Inline => ({ type: 'text', value });

function heading(line: number, level: number, slug: string, content: Inline[], text: string): HeadingBlock {
  return { type: 'heading', id: id(), pos: pos(line), level, depth: level, slug, content, text };
}

let nextId = 0;
const id = () => `b${++nextId}`;

function resource(file: string, mediaType: Resource['mediaType'], width: number, height: number, rid: string): Resource {
  const p = path.join(FIXTURES, 'kitchen-sink', file);
  const ext = mediaType === 'image/png' ? 'png' : mediaType === 'image/jpeg' ? 'jpg' : 'svg';
  return { id: rid, fileName: `${rid}.${ext}`, mediaType, data: readFileSync(p), width, height, path: p };
}

/** A two-chapter book with notes, a table, lists, code, quotes, figures and links. */
export function sampleBook(): Book {
  nextId = 0;
  const h1a = heading(10, 1, 'first-chapter', [t('First '), { type: 'emphasis', children: [t('Chapter')] }], 'First Chapter');
  const h2a = heading(20, 2, 'lists-and-quotes', [t('Lists & quotes')], 'Lists & quotes');
  const ch1: Block[] = [
    h1a,
    {
      type: 'paragraph', id: id(), pos: pos(12), content: [
        t('Plain text with '), { type: 'emphasis', children: [t('emphasis')] }, t(', '),
        { type: 'strong', children: [t('strong')] }, t(', '),
        { type: 'strikethrough', children: [t('struck')] }, t(', '), { type: 'code', value: 'code <b>' }, t(', H'),
        { type: 'subscript', children: [t('2')] }, t('O, E = mc'), { type: 'superscript', children: [t('2')] },
        t(', '), { type: 'abbr', title: 'World Health Organization', children: [t('WHO')] },
        t(', a note'), { type: 'noteref', number: 1 }, t(' and a '),
        { type: 'link', href: 'https://example.org/a?b=1&c=2', refNumber: 1, children: [t('link')] },
        t(' and a '), { type: 'link', href: '#lists-and-quotes', internal: 'lists-and-quotes', children: [t('cross-reference')] },
        t('.'), { type: 'break' }, t('After a hard break: “quotes” — dashes, Ελληνικά, кириллица.'),
      ],
    },
    h2a,
    {
      type: 'list', id: id(), pos: pos(22), ordered: false, start: 1, tight: true, items: [
        { checked: null, children: [{ type: 'paragraph', id: id(), pos: pos(22), content: [t('One')] }] },
        {
          checked: null, children: [
            { type: 'paragraph', id: id(), pos: pos(23), content: [t('Two')] },
            {
              type: 'list', id: id(), pos: pos(24), ordered: true, start: 3, tight: true, items: [
                { checked: null, children: [{ type: 'paragraph', id: id(), pos: pos(24), content: [t('Three')] }] },
                { checked: null, children: [{ type: 'paragraph', id: id(), pos: pos(25), content: [t('Four')] }] },
              ],
            },
          ],
        },
        { checked: true, children: [{ type: 'paragraph', id: id(), pos: pos(26), content: [t('Done task')] }] },
        { checked: false, children: [{ type: 'paragraph', id: id(), pos: pos(27), content: [t('Open task')] }] },
      ],
    },
    {
      type: 'blockquote', id: id(), pos: pos(29), children: [
        { type: 'paragraph', id: id(), pos: pos(29), content: [t('A quoted paragraph with a second note'), { type: 'noteref', number: 2 }, t('.')] },
      ],
    },
    { type: 'thematicBreak', id: id(), pos: pos(31) },
  ];
  const h1b = heading(40, 1, 'second-chapter', [t('Second Chapter')], 'Second Chapter');
  const h2b = heading(42, 2, 'code-and-tables', [t('Code and tables')], 'Code and tables');
  const h3b = heading(44, 3, 'a-third-level', [t('A third level')], 'A third level');
  const png = resource('diagram.png', 'image/png', 64, 48, 'img-png0000001');
  const jpg = resource('photo.jpg', 'image/jpeg', 64, 48, 'img-jpg0000002');
  const svg = resource('shape.svg', 'image/svg+xml', 120, 80, 'img-svg0000003');
  const ch2: Block[] = [
    h1b,
    h2b,
    { type: 'code', id: id(), pos: pos(46), lang: 'js', value: 'const x = 1 < 2 && "a";\nconsole.log(x);' },
    h3b,
    {
      type: 'table', id: id(), pos: pos(50), align: ['left', 'right', 'center'],
      head: [[t('Name')], [t('Count')], [t('Note')]],
      rows: [
        [[t('Alpha')], [t('1')], [{ type: 'emphasis', children: [t('first')] }]],
        [[t('Beta')], [t('22')], [t('second')]],
      ],
    },
    {
      type: 'figure', id: id(), pos: pos(55),
      image: { type: 'image', resource: png.id, alt: 'A small diagram', title: 'A diagram', pos: pos(55) },
      caption: [t('A diagram')],
    },
    {
      type: 'figure', id: id(), pos: pos(57),
      image: { type: 'image', resource: jpg.id, alt: 'A photograph', pos: pos(57) },
      caption: [t('A photograph')],
    },
    {
      type: 'figure', id: id(), pos: pos(59),
      image: { type: 'image', resource: svg.id, alt: 'A vector shape', pos: pos(59) },
      caption: [t('A vector shape')],
    },
    { type: 'paragraph', id: id(), pos: pos(61), content: [t('The end, with a third note'), { type: 'noteref', number: 3 }, t('.')] },
  ];
  const note = (n: number, chapter: number, text: string) => ({
    number: n, id: `fn-${n}`, refId: `fnref-${n}`, chapter,
    children: [{ type: 'paragraph', id: id(), pos: pos(70 + n), content: [t(text)] } as Block],
    pos: pos(70 + n),
  });
  return {
    meta: {
      title: 'A Sample & <Book>',
      subtitle: 'Every construct',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      date: '2024-05-01',
      lang: 'en',
      publisher: 'Imprint Press',
      rights: '© 2024 The Authors',
      description: 'A book that uses every construct.',
      keywords: ['testing', 'markdown'],
      identifier: { value: 'urn:uuid:3f1e6b0a-7c1d-5e2f-9a4b-0c1d2e3f4a5b', scheme: 'uuid' },
      slug: 'sample',
      tocDepth: 2,
      pdf: { size: { name: 'A4', width: 595.28, height: 841.89 }, binding: false },
      epub: { fonts: false },
      buildDate: new Date('2024-05-01T00:00:00Z'),
    },
    chapters: [
      { index: 0, id: 'ch01', heading: h1a, title: 'First Chapter', blocks: ch1, notes: [1, 2] },
      { index: 1, id: 'ch02', heading: h1b, title: 'Second Chapter', blocks: ch2, notes: [3] },
    ],
    toc: [
      {
        slug: h1a.slug, blockId: h1a.id, text: h1a.text, content: [...h1a.content], depth: 1, chapter: 0,
        children: [{ slug: h2a.slug, blockId: h2a.id, text: h2a.text, content: [...h2a.content], depth: 2, chapter: 0, children: [] }],
      },
      {
        slug: h1b.slug, blockId: h1b.id, text: h1b.text, content: [...h1b.content], depth: 1, chapter: 1,
        children: [{ slug: h2b.slug, blockId: h2b.id, text: h2b.text, content: [...h2b.content], depth: 2, chapter: 1, children: [] }],
      },
    ],
    notes: [note(1, 0, 'The first note.'), note(2, 0, 'The second note, cited in a quote.'), note(3, 1, 'The third note.')],
    resources: [png, jpg, svg],
    links: [{ number: 1, href: 'https://example.org/a?b=1&c=2' }],
    sources: [{ file: 'tests/fixtures/sample.md', sha256: '0'.repeat(64) }],
    root: path.join(FIXTURES, 'kitchen-sink'),
  };
}
