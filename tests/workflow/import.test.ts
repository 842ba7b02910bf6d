// `imprint import`: a plain-text copy becomes a manuscript whose body is exactly
// what an author would have written by hand, and whose words come back unchanged.

import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePlainText, isHeadingLike, isTitleCase } from '../../src/import/plain-text.js';
import { escapeParagraph } from '../../src/import/markdown-escape.js';
import { ROOT, imprint } from '../support/cli.js';
import { Project } from '../support/project.js';
import { tmpDir } from '../support/tools.js';

// A copy of the plain-text seed the bundled manuscript was made from (shared/seed/article.txt).
const SEED = path.join(ROOT, 'tests/fixtures/seed-article.txt');
const seedText = readFileSync(SEED, 'utf8');
const bundled = readFileSync(path.join(ROOT, 'manuscript/article.md'), 'utf8');

/** Everything after the closing `---` of the front matter. */
function bodyOf(markdown: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  if (!m) throw new Error('no front matter');
  return markdown.slice(m[0].length);
}

/** A project holding the seed article as a plain-text file dated 2026-11-26. */
function seedProject(): Project {
  const p = new Project();
  const file = p.write('article.txt', seedText);
  const noon = new Date('2026-11-26T12:00:00Z');
  utimesSync(file, noon, noon);
  return p;
}

describe('imprint import of the seed article', () => {
  it('writes the same body as the bundled manuscript, headings and all', () => {
    const p = seedProject();
    const r = imprint(['import', 'article.txt'], { cwd: p.dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const written = p.text('manuscript/article.md');
    expect(bodyOf(written)).toBe(bodyOf(bundled));
  });

  it('writes a front-matter skeleton with marked placeholders, the file date and the language', () => {
    const p = seedProject();
    imprint(['import', 'article.txt'], { cwd: p.dir });
    const fm = p.text('manuscript/article.md').split('\n---\n')[0];
    expect(fm).toMatch(/^title: "TODO: title"$/m);
    expect(fm).toMatch(/^author: "TODO: author"$/m);
    expect(fm).toMatch(/^date: 2026-11-26$/m);
    expect(fm).toMatch(/^lang: en$/m);
  });

  it('reports what it decided: paragraph mode, counts, every heading with its line, no title', () => {
    const p = seedProject();
    const r = imprint(['import', 'article.txt'], { cwd: p.dir });
    const out = r.stdout;
    expect(out).toContain('imported article.txt → manuscript/article.md');
    expect(out).toContain('one paragraph per line');
    expect(out).toContain('15 paragraphs, 8 headings:');
    expect(out).toContain('line 3: ## Diplomatic Context and Breakdown of Dialogue');
    expect(out).toContain('line 19: ## Outlook: Risks of Further Escalation');
    expect(out).toContain('line 22: ## Conclusion');
    expect(out).toMatch(/title: no title found \(the first line reads as a paragraph\)/);
    expect(out).toContain('date: 2026-11-26 (the modification date of article.txt)');
  });

  it('honours --out, --date, --lang and --title', () => {
    const p = seedProject();
    const r = imprint(['import', 'article.txt', '--out', 'book/iran.md', '--date', '2025-01-31', '--lang', 'en-GB', '--title', 'Iran: No Talks'], { cwd: p.dir });
    expect(r.status).toBe(0);
    const md = p.text('book/iran.md');
    expect(md).toMatch(/^title: "Iran: No Talks"$/m);
    expect(md).toMatch(/^date: 2025-01-31$/m);
    expect(md).toMatch(/^lang: en-GB$/m);
    expect(bodyOf(md)).toBe(bodyOf(bundled));
    expect(r.stdout).toContain('title: "Iran: No Talks" (from --title)');
  });

  it('never overwrites a file without --force: exit 1 naming the file and the flag', () => {
    const p = seedProject();
    p.write('manuscript/article.md', 'my edits\n');
    const r = imprint(['import', 'article.txt'], { cwd: p.dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('manuscript/article.md');
    expect(r.stderr).toContain('--force');
    expect(p.text('manuscript/article.md')).toBe('my edits\n');
    const forced = imprint(['import', 'article.txt', '--force'], { cwd: p.dir });
    expect(forced.status).toBe(0);
    expect(bodyOf(p.text('manuscript/article.md'))).toBe(bodyOf(bundled));
  });
});

describe('imprint import: bad input and usage', () => {
  it('names a missing file (exit 1)', () => {
    const r = imprint(['import', 'nope.txt'], { cwd: tmpDir() });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('imprint: nope.txt: no such file');
  });

  it('refuses text that is not UTF-8, naming the line and how to convert it', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('First line\nCaf\xe9 society\n', 'latin1'));
    const r = imprint(['import', 'latin1.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('imprint: latin1.txt:2: is not valid UTF-8 text');
    expect(r.stderr).toContain('iconv');
  });

  it('reads UTF-16 text with a byte-order mark, as Windows editors save "Unicode" text', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'win.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A Heading\r\nCafé “society”.\r\n', 'utf16le')]));
    const r = imprint(['import', 'win.txt', '--no-title', '--date', '2024-01-01'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'manuscript/win.md'), 'utf8')).toMatch(/\n---\n\n## A Heading\n\nCafé “society”\.\n$/);
  });

  it('refuses an empty file and a bad --date (exit 1 and 2)', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'empty.txt'), '\n \n');
    expect(imprint(['import', 'empty.txt'], { cwd: dir }).status).toBe(1);
    writeFileSync(path.join(dir, 'a.txt'), 'Some text.\n');
    const r = imprint(['import', 'a.txt', '--date', '2025-02-30'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--date');
    expect(imprint(['import'], { cwd: dir }).status).toBe(2);
  });
});

describe('plain-text structure', () => {
  it('tells headings from prose by length, word count and closing punctuation', () => {
    expect(isHeadingLike('Diplomatic Context and Breakdown of Dialogue')).toBe(true);
    expect(isHeadingLike('Iran’s “Axis of Resistance” Strategy')).toBe(true);
    expect(isHeadingLike('Outlook: Risks of Further Escalation')).toBe(true);
    expect(isHeadingLike('He said no.')).toBe(false);
    expect(isHeadingLike('Is this the end?')).toBe(false);
    expect(isHeadingLike('She called it “the end”')).toBe(true);
    expect(isHeadingLike('“The end,” she said, “is near”')).toBe(true);
    expect(isHeadingLike('“The end is near.”')).toBe(false);
    expect(isHeadingLike('“Is it near?” (she asked.)')).toBe(false);
    expect(isHeadingLike('Dear Sir,')).toBe(false);
    expect(isHeadingLike('one two three four five six seven eight nine ten eleven twelve thirteen')).toBe(false);
    expect(isHeadingLike('x'.repeat(101))).toBe(false);
    expect(isHeadingLike('* * *')).toBe(false);
  });

  it('knows Title Case, minor words included', () => {
    expect(isTitleCase('The Lord of the Rings')).toBe(true);
    expect(isTitleCase('A Tale of Two Cities')).toBe(true);
    expect(isTitleCase('A tale of two cities')).toBe(false);
    expect(isTitleCase('“Axis of Resistance” Revisited')).toBe(true);
    expect(isTitleCase('שלום עולם')).toBe(false);
  });

  it('takes a Title Case first line as the title, a label or a lower-case line not', () => {
    const titled = analysePlainText('The Long Walk Home\nIt was late. We walked.\nChapter One Ends Here\nMore text follows.\n');
    expect(titled.title.title).toBe('The Long Walk Home');
    expect(titled.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);

    expect(analysePlainText('Chapter One\nIt was late.\n').title.title).toBeUndefined();
    expect(analysePlainText('Introduction\nIt was late.\n').title.title).toBeUndefined();
    expect(analysePlainText('where we went wrong\nIt was late.\n').title.title).toBeUndefined();
    expect(analysePlainText('The Long Walk Home\nIt was late.\n', { detectTitle: false }).title.title).toBeUndefined();
  });

  it('takes a heading-like first line followed by another heading as the title, in any script', () => {
    const s = analysePlainText('הדרך הביתה\nפרק ראשון\nהיה מאוחר.\n');
    expect(s.title.title).toBe('הדרך הביתה');
    expect(s.blocks[0]).toMatchObject({ kind: 'heading', text: 'פרק ראשון', line: 2 });
  });

  it('joins hard-wrapped paragraphs separated by blank lines', () => {
    // Wrapped greedily at 40 columns, as e-mail clients and `fmt -w 40` do.
    const text = [
      'The first paragraph is wrapped at forty',
      'columns, the way an e-mail client or a',
      'typewriter copy would have it.',
      '',
      'A Heading Between',
      '',
      'The second paragraph, also wrapped at',
      'forty columns, ends here.',
      '',
    ].join('\n');
    const s = analysePlainText(text);
    expect(s.mode).toBe('blank-line');
    expect(s.blocks).toEqual([
      { kind: 'paragraph', text: 'The first paragraph is wrapped at forty columns, the way an e-mail client or a typewriter copy would have it.', line: 1 },
      { kind: 'heading', text: 'A Heading Between', line: 5 },
      { kind: 'paragraph', text: 'The second paragraph, also wrapped at forty columns, ends here.', line: 7 },
    ]);
  });

  it('keeps one paragraph per line when short lines are speeches, not wrapping', () => {
    const text = ['“Are you coming?” she asked.', '“No.”', '“Why not?”', 'He did not answer, and the silence between them grew until it filled the whole of the little room.', '', 'Later', '', 'They met again.'].join('\n');
    const s = analysePlainText(text);
    expect(s.mode).toBe('line');
    expect(s.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(5);
    expect(s.blocks.find((b) => b.kind === 'heading')?.text).toBe('Later');
  });

  it('turns a line of asterisks into a scene break and handles CRLF and a BOM', () => {
    const s = analysePlainText('\uFEFFIt began.\r\n* * *\r\nIt ended.\r\n');
    expect(s.blocks.map((b) => b.kind)).toEqual(['paragraph', 'break', 'paragraph']);
    expect(s.blocks[0].text).toBe('It began.');
  });

  it('escapes what Markdown would read as markup, and only that', () => {
    expect(escapeParagraph('# not a heading')).toBe('\\# not a heading');
    expect(escapeParagraph('> not a quote')).toBe('\\> not a quote');
    expect(escapeParagraph('- not a list')).toBe('\\- not a list');
    expect(escapeParagraph('+ not a list')).toBe('\\+ not a list');
    expect(escapeParagraph('* not a list')).toBe('\\* not a list');
    expect(escapeParagraph('1999. A good year.')).toBe('1999\\. A good year.');
    expect(escapeParagraph('2) second')).toBe('2\\) second');
    expect(escapeParagraph('a *b* _c_ `d` [e](f) <g> ~h~ \\i &amp; &x')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e](f) \\<g> \\~h\\~ \\\\i \\&amp; &x');
    expect(escapeParagraph('“Quotes” — dashes – and ‘apostrophes’ stay.')).toBe('“Quotes” — dashes – and ‘apostrophes’ stay.');
  });
});
