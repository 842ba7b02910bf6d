// The sample book plus the awkward cases a plain-text layout must survive: words
// longer than the line, CJK without spaces, emoji and combining marks, deep
// nesting, a table too wide for the page, a long ordered list, a multi-block note,
// a long URL, a code line past the width and tabs in code.

import type { Block, Book, HeadingBlock, Inline, SourcePos } from '../../src/model/document.js';
import { sampleBook } from '../support/sample-book.js';

const pos = (line: number): SourcePos => ({ file: 'tests/fixtures/stress.md', line });
const t = (value: string): Inline => ({ type: 'text', value });
let next = 1000;
const id = () => `s${++next}`;
const para = (...content: Inline[]): Block => ({ type: 'paragraph', id: id(), pos: pos(1), content });

export const LONG_WORD = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';
export const LONG_URL = 'https://example.org/a/very/long/path/that/does/not/fit/on/any/reasonable/line/at/all.html';
export const CJK = '日本語の文章は単語の間に空白を置かないので、行はどの文字の間でも折り返すことができます。「括弧」の前後にも注意が必要です。';
export const LONG_CODE = 'const reallyLongIdentifierName = someFunction(argumentNumberOne, argumentNumberTwo, argumentNumberThree);';

export function stressBook(): Book {
  next = 1000;
  const book = sampleBook();
  const heading: HeadingBlock = {
    type: 'heading', id: id(), pos: pos(100), level: 1, depth: 1, slug: 'awkward-cases',
    content: [t('Awkward cases, with a heading long enough to need wrapping at narrow widths')],
    text: 'Awkward cases, with a heading long enough to need wrapping at narrow widths',
  };
  const blocks: Block[] = [
    heading,
    para(t(`A word longer than any line: ${LONG_WORD}, then more ordinary words to fill the rest of the paragraph nicely.`)),
    para(t(CJK)),
    para(t('Emoji 👩‍👩‍👧 and 🎉 take two columns; combining marks like e\u0301 and n\u0303 take none; full-width ＡＢＣ takes six.')),
    para(t('See '), { type: 'link', href: LONG_URL, refNumber: 2, children: [t('the long address')] }, t(' and the '),
      { type: 'link', href: 'https://example.org/a?b=1&c=2', refNumber: 1, children: [t('first link again')] }, t(', and a note with several blocks'),
      { type: 'noteref', number: 4 }, t('.')),
    {
      type: 'blockquote', id: id(), pos: pos(110), children: [
        para(t('Outer quote with enough words in it to wrap onto a second line at the usual width of the edition.')),
        {
          type: 'blockquote', id: id(), pos: pos(111), children: [
            para(t('Inner quote, also long enough to wrap onto a second line at the usual width of the edition.')),
            {
              type: 'list', id: id(), pos: pos(112), ordered: false, start: 1, tight: true, items: [
                { checked: null, children: [para(t('A list inside a nested quote whose item is long enough to wrap under its own text.'))] },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'list', id: id(), pos: pos(120), ordered: true, start: 8, tight: false, items: [8, 9, 10, 11].map((n) => ({
        checked: null,
        children: n === 9
          ? [para(t(`Item ${n} has two paragraphs and this first one is long enough to wrap under the item text.`)), para(t('Second paragraph of the item.')),
            { type: 'code', id: id(), pos: pos(121), value: 'code in an item\n\tindented by a tab' } as Block]
          : [para(t(`Item ${n}.`))],
      })),
    },
    { type: 'code', id: id(), pos: pos(130), value: `${LONG_CODE}\n\n  trailing spaces here   \n` },
    {
      type: 'table', id: id(), pos: pos(140), align: [null, 'right', 'left'],
      head: [[t('Term')], [t('Amount')], [t('Description')]],
      rows: [
        [[t('Alpha')], [t('1,000')], [t('A description that is long enough that the table cannot fit in seventy-two columns without wrapping its cells.')]],
        [[t('Beta gamma delta')], [t('22')], [t('Short.')]],
        [[t('漢字')], [t('3')], [t('Wide characters must be padded by display width, not by length.')]],
      ],
    },
    {
      type: 'table', id: id(), pos: pos(150), align: [null, null, null, null],
      head: [[t('Unbreakable')], [t('Columns')], [t('Everywhere')], [t('Here')]],
      rows: [[[t(LONG_WORD.slice(0, 30))], [t(LONG_WORD.slice(30, 60))], [t(LONG_WORD.slice(0, 25))], [t('x')]]],
    },
  ];
  book.chapters.push({ index: 2, id: 'ch03', heading, title: heading.text, blocks, notes: [4] });
  book.toc.push({ slug: heading.slug, blockId: heading.id, text: heading.text, content: [...heading.content], depth: 1, chapter: 2, children: [] });
  book.notes.push({
    number: 4, id: 'fn-4', refId: 'fnref-4', chapter: 2, pos: pos(160),
    children: [
      para(t('A note with a first paragraph long enough to wrap, and a '), { type: 'link', href: 'https://example.com/note', refNumber: 3, children: [t('link')] }, t('.')),
      { type: 'code', id: id(), pos: pos(161), value: 'note code' },
      para(t('And a closing paragraph.')),
    ],
  });
  book.links.push({ number: 2, href: LONG_URL }, { number: 3, href: 'https://example.com/note' });
  return book;
}
