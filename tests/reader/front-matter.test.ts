// Front matter: YAML only, never executed, bounded, and every key checked.

import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { tmpDir } from '../support/tools.js';
import { fm, readError, readText } from './helpers.js';

describe('front matter safety', () => {
  for (const lang of ['js', 'javascript', 'coffee', 'json', 'toml', 'JS']) {
    it(`refuses ---${lang} before anything runs`, async () => {
      const marker = path.join(tmpDir(), 'pwned');
      const code = `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T') }`;
      const err = await readError(`---${lang}\n${code}\n---\n\n# H\n\nText.\n`);
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toBe(`front matter language "${lang}" is not supported`);
      expect([err.file, err.line]).toEqual(['manuscript/book.md', 1]);
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('accepts ---yaml as YAML', async () => {
    const { book } = await readText('---yaml\ntitle: Named\ndate: 2024-01-02\n---\n\nText.\n');
    expect(book.meta.title).toBe('Named');
  });

  it('does not construct JavaScript (or any non-core) YAML types', async () => {
    const err = await readError(fm('title: !!js/function "function () { return 1 }"\ndate: 2024-01-01'));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^front matter is not valid YAML: unknown tag/);
    expect(err.line).toBe(2);
  });

  it('ends an alias bomb quickly with an error', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const err = await readError(fm(`title: Bomb\n${lines.join('\n')}`));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/aliases/);
    expect(err.file).toBe('manuscript/book.md');
  });

  it('bounds what a few aliases expand to', async () => {
    // Under the alias count limit, but 10^6 values once expanded.
    const lines = ['a: &a [1,1,1,1,1,1,1,1,1,1]'];
    for (let i = 1; i < 6; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const err = await readError(fm(`title: Bomb\n${lines.join('\n')}`));
    expect(err.message).toBe('front matter expands to more than 10000 values through its YAML aliases');
  });

  it('reports YAML syntax errors at their line', async () => {
    const err = await readError(fm('title: Fine\nauthor: [unclosed\ndate: 2024-01-01'));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^front matter is not valid YAML/);
    expect(err.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses front matter that never ends', async () => {
    const err = await readError('---\ntitle: T\n\n# Heading\n\nText.\n');
    expect([err.message, err.line]).toEqual(['front matter is not closed', 1]);
  });

  it('does not let __proto__ become a prototype', async () => {
    const { book } = await readText(fm('__proto__:\n  title: Injected\ndate: 2024-01-01', '# Real\n\nText.\n'));
    expect(book.meta.title).toBe('Real');
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it('ignores front matter in later files of a folder, with a warning', async () => {
    const { Scratch } = await import('./helpers.js');
    const s = new Scratch({
      'manuscript/1.md': fm('title: First\ndate: 2024-01-01', '# One\n\nText.\n'),
      'manuscript/2.md': fm('title: Second', '# Two\n\nText.\n'),
    });
    const { book, messages } = await s.read('manuscript');
    expect(book.meta.title).toBe('First');
    expect(messages).toEqual(["manuscript/2.md:1: front matter in a later file is ignored; only the first file's counts"]);
    expect(book.chapters[1].blocks[0].pos).toEqual({ file: 'manuscript/2.md', line: 5 });
  });
});

describe('front matter keys', () => {
  it('normalises an unquoted date and rejects a bad one at its line', async () => {
    expect((await readText(fm('title: T\ndate: 2024-02-29'))).book.meta.date).toBe('2024-02-29');
    expect((await readText(fm('title: T\ndate: "2024-02-29"'))).book.meta.date).toBe('2024-02-29');
    const err = await readError(fm('title: T\nauthor: A\ndate: soon'));
    expect([err.message, err.line]).toEqual(['front matter "date" must be YYYY-MM-DD, got "soon"', 4]);
    expect((await readError(fm('title: T\ndate: 2023-02-29'))).message).toBe('front matter "date" must be YYYY-MM-DD, got "2023-02-29"');
  });

  it('checks toc-depth', async () => {
    expect((await readText(fm('title: T\ndate: 2024-01-01\ntoc-depth: 4'))).book.meta.tocDepth).toBe(4);
    for (const [v, shown] of [['x', '"x"'], ['0', '0'], ['7', '7'], ['2.5', '2.5']]) {
      const err = await readError(fm(`title: T\ndate: 2024-01-01\ntoc-depth: ${v}`));
      expect([err.message, err.line]).toEqual([`front matter "toc-depth" must be an integer from 1 to 6, got ${shown}`, 4]);
    }
  });

  it('warns about unknown keys at their line, suggesting the near one', async () => {
    const { messages } = await readText(fm('title: T\ndate: 2024-01-01\ncolour: blue\nauthors: [A]'));
    expect(messages).toEqual([
      'manuscript/book.md:4: unknown front matter key "colour"; ignored',
      'manuscript/book.md:5: unknown front matter key "authors" (did you mean "author"?); ignored',
    ]);
  });

  it('reads authors as a string or a list, and rejects other shapes', async () => {
    expect((await readText(fm('title: T\ndate: 2024-01-01\nauthor: Solo'))).book.meta.authors).toEqual(['Solo']);
    expect((await readText(fm('title: T\ndate: 2024-01-01\nauthor:\n  - A\n  - B'))).book.meta.authors).toEqual(['A', 'B']);
    const err = await readError(fm('title: T\ndate: 2024-01-01\nauthor: {name: X}'));
    expect([err.message, err.line]).toEqual(['front matter "author" must be a name or a list of names, got a mapping', 4]);
  });

  it('keeps a numeric title as text', async () => {
    expect((await readText(fm('title: 1984\ndate: 2024-01-01'))).book.meta.title).toBe('1984');
  });

  it('checks keywords', async () => {
    expect((await readText(fm('title: T\ndate: 2024-01-01\nkeywords: [a, b]'))).book.meta.keywords).toEqual(['a', 'b']);
    const err = await readError(fm('title: T\ndate: 2024-01-01\nkeywords: a, b'));
    expect(err.message).toBe('front matter "keywords" must be a list of words, got "a, b"');
  });

  it('validates the language tag and picks the page size from it', async () => {
    const us = (await readText(fm('title: T\ndate: 2024-01-01\nlang: en-us'))).book.meta;
    expect([us.lang, us.pdf.size]).toEqual(['en-US', { name: 'Letter', width: 612, height: 792 }]);
    expect((await readText(fm('title: T\ndate: 2024-01-01\nlang: de'))).book.meta.pdf.size.name).toBe('A4');
    const err = await readError(fm('title: T\ndate: 2024-01-01\nlang: en_US'));
    expect([err.message, err.line, err.hint]).toEqual([
      'front matter "lang" must be a BCP 47 language tag such as en, en-GB or pt-BR, got "en_US"', 4, 'use a hyphen: en-US',
    ]);
  });

  it('reads page sizes by name and as WxH with a unit', async () => {
    const size = async (v: string) => (await readText(fm(`title: T\ndate: 2024-01-01\npdf:\n  size: ${v}\n  binding: true`))).book.meta.pdf;
    expect(await size('A5')).toEqual({ size: { name: 'A5', width: 419.53, height: 595.28 }, binding: true });
    expect((await size('b5')).size).toEqual({ name: 'B5', width: 498.9, height: 708.66 });
    expect((await size('6x9in')).size).toEqual({ name: '6x9in', width: 432, height: 648 });
    expect((await size('150x220mm')).size).toEqual({ name: '150x220mm', width: 425.2, height: 623.62 });
    expect((await size('400x600pt')).size).toEqual({ name: '400x600pt', width: 400, height: 600 });
    const err = await readError(fm('title: T\ndate: 2024-01-01\npdf:\n  binding: false\n  size: huge'));
    expect([err.message.startsWith('front matter "pdf.size" must be A4, A5, B5, Letter, 6x9in'), err.line]).toEqual([true, 6]);
    const bind = await readError(fm('title: T\ndate: 2024-01-01\npdf:\n  binding: sometimes'));
    expect([bind.message, bind.line]).toEqual(['front matter "pdf.binding" must be true or false, got "sometimes"', 5]);
  });

  it('checks ISBNs and URNs, and derives a stable UUID otherwise', async () => {
    const id = async (v: string) => (await readText(fm(`title: T\ndate: 2024-01-01\nidentifier: ${v}`))).book.meta.identifier;
    expect(await id('978-3-16-148410-0')).toEqual({ scheme: 'isbn', value: '9783161484100' });
    expect(await id('"0-306-40615-2"')).toEqual({ scheme: 'isbn', value: '0306406152' });
    expect(await id('urn:isbn:080442957X')).toEqual({ scheme: 'isbn', value: '080442957X' });
    expect(await id('urn:doi:10.1000/182')).toEqual({ scheme: 'urn', value: 'urn:doi:10.1000/182' });
    expect(await id('urn:uuid:6F9619FF-8B86-D011-B42D-00C04FC964FF')).toEqual({ scheme: 'uuid', value: 'urn:uuid:6f9619ff-8b86-d011-b42d-00c04fc964ff' });
    const bad = await readError(fm('title: T\ndate: 2024-01-01\nidentifier: 978-3-16-148410-1'));
    expect([bad.message, bad.line]).toEqual(['front matter "identifier" is not a valid ISBN: its check digit should be 0, got "978-3-16-148410-1"', 4]);
    expect((await readError(fm('title: T\ndate: 2024-01-01\nidentifier: my-book'))).message).toMatch(/must be an ISBN-10, an ISBN-13 or a URN/);

    const a = (await readText(fm('title: Same\nauthor: A\ndate: 2024-01-01'))).book.meta.identifier;
    const b = (await readText(fm('title: Same\nauthor: A\ndate: 2024-01-01', '# Other text\n\nEntirely.\n'))).book.meta.identifier;
    const c = (await readText(fm('title: Same\nauthor: B\ndate: 2024-01-01'))).book.meta.identifier;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.value).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads the remaining keys', async () => {
    const { book, messages } = await readText(
      fm(
        [
          'title: T', 'subtitle: S', 'date: 2024-01-01', 'publisher: P', 'rights: R', 'description: D', 'slug: "My Book: Ünïcode!"',
          'series: The Series', 'series-index: 2.5', 'epub-fonts: true',
        ].join('\n'),
      ),
    );
    expect(messages).toEqual([]);
    expect(book.meta).toMatchObject({
      subtitle: 'S', publisher: 'P', rights: 'R', description: 'D', slug: 'my-book-unicode', series: 'The Series', seriesIndex: 2.5,
      epub: { fonts: true },
    });
    const err = await readError(fm('title: T\ndate: 2024-01-01\nepub-fonts: "yes"'));
    expect(err.message).toBe('front matter "epub-fonts" must be true or false, got "yes"');
  });

  it('takes buildDate from SOURCE_DATE_EPOCH, and rejects a bad value', async () => {
    const { book } = await readText(fm('title: T\ndate: 2024-01-01'), { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect([book.meta.date, book.meta.buildDate.toISOString()]).toEqual(['2024-01-01', '2023-11-14T22:13:20.000Z']);
    const err = await readError(fm('title: T\ndate: 2024-01-01'), { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^SOURCE_DATE_EPOCH must be a whole number of seconds/);
  });
});
