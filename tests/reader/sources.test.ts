// Which files make up a manuscript, and what the book is called without a slug.

import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { writeTmp } from '../support/tools.js';
import { fm, Scratch } from './helpers.js';

const FM = 'title: T\ndate: 2024-01-01';

async function failure(s: Scratch, input: string): Promise<InputError> {
  try {
    await s.read(input);
  } catch (err) {
    return err as InputError;
  }
  throw new Error('expected the read to fail');
}

describe('manuscript files', () => {
  it('reads .md files of a folder in natural order, skipping hidden files, other files and subfolders', async () => {
    const s = new Scratch({
      'manuscript/10-ten.md': '# Ten\n',
      'manuscript/2-two.md': '# Two\n',
      'manuscript/1-one.md': fm(FM, '# One\n'),
      'manuscript/.hidden.md': '# Hidden\n',
      'manuscript/notes.txt': '# Not markdown\n',
      'manuscript/sub/3-three.md': '# Sub\n',
    });
    const { book } = await s.read('manuscript');
    expect(book.chapters.map((c) => c.title)).toEqual(['One', 'Two', 'Ten']);
  });

  it('skips an empty later file with a warning', async () => {
    const s = new Scratch({ 'manuscript/1.md': fm(FM, '# One\n'), 'manuscript/2.md': '\n' });
    const { book, messages } = await s.read('manuscript');
    expect(book.chapters).toHaveLength(1);
    expect(messages).toEqual(['manuscript/2.md: has no text; skipped']);
    expect(book.sources.map((f) => f.file)).toEqual(['manuscript/1.md', 'manuscript/2.md']);
  });

  it('refuses a symlinked chapter that points outside the folder', async () => {
    const s = new Scratch({ 'manuscript/1.md': fm(FM, '# One\n') });
    symlinkSync(writeTmp('secret.md', '# Secret\n'), path.join(s.dir, 'manuscript/2.md'));
    const err = await failure(s, 'manuscript');
    expect([err.message, err.file]).toEqual(['links to a file outside the manuscript folder', 'manuscript/2.md']);
  });

  it('names what is missing', async () => {
    const s = new Scratch({ 'manuscript/readme.txt': 'x' });
    expect([(await failure(s, 'nowhere.md')).message, (await failure(s, 'nowhere.md')).file]).toEqual(['no such file or folder', 'nowhere.md']);
    expect([(await failure(s, 'manuscript')).message, (await failure(s, 'manuscript')).file]).toEqual(['has no .md files', 'manuscript']);
  });

  it('names the book after its file, a one-file folder\'s file, or the project of a manuscript/ folder', async () => {
    const one = new Scratch({ 'manuscript/my-book.md': '# H\n\nText.\n' });
    expect((await one.read('manuscript/my-book.md')).book.meta.slug).toBe('my-book');
    expect((await one.read('manuscript')).book.meta.slug).toBe('my-book');
    const many = new Scratch({ 'manuscript/1.md': '# A\n', 'manuscript/2.md': '# B\n' });
    expect((await many.read('manuscript')).book.meta.slug).toBe(path.basename(many.dir).toLowerCase().replace(/[^a-z0-9]+/g, '-'));
    const named = new Scratch({ 'chapters/1.md': '# A\n', 'chapters/2.md': '# B\n' });
    expect((await named.read('chapters')).book.meta.slug).toBe('chapters');
    // Without a title or any heading, the same name titles the book.
    const bare = new Scratch({ 'manuscript/Plain Text.md': 'Just words.\n' });
    expect((await bare.read('manuscript/Plain Text.md')).book.meta).toMatchObject({ title: 'Plain Text', slug: 'plain-text' });
  });
});
