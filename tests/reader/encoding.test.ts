// Bytes → text: BOM and line endings change nothing, invalid UTF-8 is located,
// XML-forbidden characters go with a warning, text is NFC.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { allStrings, fm, readError, readText } from './helpers.js';

const BODY = fm(
  'title: Encodings\ndate: 2024-01-01',
  '# One\n\nFirst paragraph\ncontinued on a second line.\n\n> Quote\n\n    code line 1\n    code line 2\n\nLast.[^n]\n\n[^n]: A note.\n',
);

describe('encoding', () => {
  it('gives an identical Book for a UTF-8 BOM with CRLF or CR line endings', async () => {
    const plain = await readText(BODY);
    const crlf = await readText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY.replace(/\n/g, '\r\n'))]));
    const cr = await readText(BODY.replace(/\n/g, '\r'));
    const strip = (b: typeof plain.book) => JSON.stringify({ ...b, sources: [], root: '' });
    expect(strip(crlf.book)).toBe(strip(plain.book));
    expect(strip(cr.book)).toBe(strip(plain.book));
    expect(crlf.warnings).toEqual([]);
    expect(plain.book.chapters[0].blocks[1].pos.line).toBe(8);
    // The source hash is of the bytes as they are.
    expect(crlf.book.sources[0].sha256).not.toBe(plain.book.sources[0].sha256);
  });

  it('names the line and byte offset of invalid UTF-8', async () => {
    const head = Buffer.from(fm('title: T\ndate: 2024-01-01', '# H\n\nGood line.\n\nBad: '));
    const bytes = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from(' here.\n')]);
    const err = await readError(bytes);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(`invalid UTF-8 at byte ${head.length}`);
    expect([err.file, err.line]).toEqual(['manuscript/book.md', 10]);
  });

  it('rejects overlong forms, surrogates and truncated sequences too', async () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const bytes = Buffer.concat([Buffer.from('# H\n\nab'), Buffer.from(bad)]);
      const err = await readError(bytes);
      expect(err.message).toBe('invalid UTF-8 at byte 7');
      expect(err.line).toBe(3);
    }
  });

  it('removes characters XML 1.0 forbids, one warning per line naming it', async () => {
    const text = fm('title: T\ndate: 2024-01-01', '# H\n\nNUL\u0000here and bell\u0007there.\n\nForm\u000cfeed \uffff and \u001f.\n');
    const { book, messages } = await readText(text);
    expect(messages).toEqual([
      'manuscript/book.md:8: removed control characters U+0000, U+0007 that XML does not allow',
      'manuscript/book.md:10: removed control characters U+000C, U+FFFF, U+001F that XML does not allow',
    ]);
    const all = allStrings(book).join('\n');
    expect(all).toContain('NULhere and bellthere.');
    expect(all).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });

  it('removes forbidden characters that character references or YAML escapes bring back', async () => {
    const text = fm('title: "Bell\\a and \\x0C!"\ndate: 2024-01-01', '# H\n\nRef &#12; and <sub>&#x0B;</sub> and `code`.\n');
    const { book } = await readText(text);
    expect(book.meta.title).toBe('Bell and !');
    expect(allStrings(book).join('')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });

  it('normalises text to NFC, in the body and the front matter', async () => {
    const { book } = await readText(fm('title: "Cafe\u0301"\ndate: 2024-01-01', '# Cafe\u0301\n\nCafe\u0301 society.\n'));
    expect(book.meta.title).toBe('Caf\u00e9');
    expect(book.chapters[0].heading?.text).toBe('Caf\u00e9');
    expect(book.chapters[0].heading?.slug).toBe('caf\u00e9');
    expect(JSON.stringify(book)).not.toContain('e\u0301');
  });

  it('refuses an empty file and a file with only front matter: "has no text"', async () => {
    for (const text of ['', '\n\n  \n', fm('title: T\ndate: 2024-01-01', ''), fm('title: T', '\n\n')]) {
      const err = await readError(text);
      expect([err.message, err.file]).toEqual(['has no text', 'manuscript/book.md']);
    }
    // Comments alone are no text either.
    expect((await readError('<!-- nothing here -->\n')).message).toBe('has no text');
  });
});
