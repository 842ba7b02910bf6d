// `imprint check`: passes what is right, and names in plain words what a store or
// archive would reject, one line per check; a missing tool is "skipped" with the
// command that installs it.

import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkContents, labelsFromRanges } from '../../src/check/pdf-contents.js';
import { xmlProblem } from '../../src/check/pdf-scan.js';
import { ROOT, imprint } from '../support/cli.js';
import { requireTool, tmpDir } from '../support/tools.js';
import { GOOD_BOOK, makePdf } from './pdf-fixtures.js';

const havePoppler = requireTool('pdftotext') && requireTool('pdffonts') && requireTool('pdfinfo');
const haveQpdf = requireTool('qpdf');
const haveEpubcheck = requireTool('epubcheck') && requireTool('java');

/** The report line of one check: `  <status> <name>: <detail>`. */
function line(out: string, name: string): string {
  const found = out.split('\n').find((l) => new RegExp(`^  (ok|FAIL|skipped)\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(l));
  if (!found) throw new Error(`no "${name}" line in:\n${out}`);
  return found;
}

async function writePdf(dir: string, name: string, spec: Parameters<typeof makePdf>[0]): Promise<string> {
  writeFileSync(path.join(dir, name), await makePdf(spec));
  return name;
}

describe.skipIf(!havePoppler || !haveQpdf)('imprint check: PDF', () => {
  it('passes a PDF that is embedded, PDF/A-identified, tagged, sound and whose contents is right', async () => {
    const dir = tmpDir();
    await writePdf(dir, 'good.pdf', GOOD_BOOK);
    const r = imprint(['check', 'good.pdf'], { cwd: dir });
    expect(r.stdout).toMatch(/^good\.pdf$/m);
    expect(line(r.stdout, 'fonts embedded')).toMatch(/^  ok\s+fonts embedded: all 1 font embedded$/);
    expect(line(r.stdout, 'PDF/A identification')).toMatch(/ok\s+PDF\/A identification: declares PDF\/A-2b/);
    expect(line(r.stdout, 'tagged PDF')).toMatch(/^  ok/);
    expect(line(r.stdout, 'contents page numbers')).toMatch(/ok\s+contents page numbers: all 3 entries on the contents \(page ii\) match .* \(by page label\)/);
    expect(line(r.stdout, 'qpdf --check')).toMatch(/^  ok/);
    expect(r.stdout).toMatch(/^checked 1 file: 5 ok, 0 FAIL, 0 skipped$/m);
    expect(r.status).toBe(0);
  });

  it('fails a PDF with a bare font, no PDF/A, no tags and a wrong contents entry, saying who would reject it', async () => {
    const dir = tmpDir();
    await writePdf(dir, 'bad.pdf', {
      embedFont: false,
      contents: [['One', '3'], ['Two', '3']],
      pages: [['One', 'Text.'], ['Two', 'Text.'], ['Other', 'Text.']],
    });
    const r = imprint(['check', 'bad.pdf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(line(r.stdout, 'fonts embedded')).toMatch(/FAIL\s+fonts embedded: 1 of 1 fonts not embedded: print services refuse/);
    expect(r.stdout).toContain('Helvetica');
    expect(line(r.stdout, 'PDF/A identification')).toMatch(/FAIL.*archives .* would reject it/);
    expect(line(r.stdout, 'tagged PDF')).toMatch(/FAIL\s+tagged PDF: not tagged/);
    expect(line(r.stdout, 'contents page numbers')).toMatch(/FAIL\s+contents page numbers: 1 of 2 entries/);
    // Without page labels a folio is the page's position in the file: title 1, contents 2, One 3, Two 4.
    expect(r.stdout).toContain('"Two" is listed on page 3 but is set on page 4');
  });

  it('fails PDF/A whose XMP metadata is not well-formed (an unescaped ampersand in the title)', async () => {
    const dir = tmpDir();
    await writePdf(dir, 'amp.pdf', { ...GOOD_BOOK, title: 'Tom & Jerry' });
    const r = imprint(['check', 'amp.pdf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(line(r.stdout, 'PDF/A identification')).toMatch(/FAIL\s+PDF\/A identification: declares PDF\/A-2b, but a PDF\/A validator \(veraPDF\) would reject it/);
    expect(r.stdout).toMatch(/not well-formed XML \(unescaped "&" near "Tom & Jerry/);
  });

  it('refuses a file that is not a PDF at all', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'fake.pdf'), 'hello');
    const r = imprint(['check', 'fake.pdf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL     PDF header: the file does not start with %PDF-');
  });
});

describe('imprint check: text', () => {
  it('passes UTF-8, LF-only text within 72 columns, noting the widest line and unbreakable words', () => {
    const dir = tmpDir();
    const url = `https://example.org/${'a'.repeat(80)}`;
    writeFileSync(path.join(dir, 'book.txt'), `Title\n\n${'word '.repeat(13)}words\n[1] ${url}\n`);
    const r = imprint(['check', 'book.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(line(r.stdout, 'UTF-8')).toBe('  ok       UTF-8: valid UTF-8');
    expect(line(r.stdout, 'LF line ends')).toBe('  ok       LF line ends: LF only, ending with a line end');
    expect(line(r.stdout, 'lines ≤ 72 columns')).toBe('  ok       lines ≤ 72 columns: widest line 104 columns (line 4); 1 longer line holds a single word too long to wrap');
  });

  it('fails bad UTF-8, CR line ends and over-wide lines, naming lines', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'bad.txt'), Buffer.concat([Buffer.from('ok\r\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from(`${'x '.repeat(40)}\n`)]));
    const r = imprint(['check', 'bad.txt', '--width', '60'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(line(r.stdout, 'UTF-8')).toMatch(/FAIL\s+UTF-8: not valid UTF-8 \(first bad byte at offset 7, line 2\)/);
    expect(line(r.stdout, 'LF line ends')).toMatch(/FAIL\s+LF line ends: 1 line with a carriage return \(first: line 1\)/);
    expect(line(r.stdout, 'lines ≤ 60 columns')).toMatch(/FAIL\s+lines ≤ 60 columns: 1 line wider than 60 columns/);
    expect(r.stdout).toContain('line 3 (80 columns)');
  });

  it('counts East Asian wide characters as two columns', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'cjk.txt'), `${'漢字'.repeat(9)} ${'漢字'.repeat(9)}\n`);
    const r = imprint(['check', 'cjk.txt'], { cwd: dir });
    expect(line(r.stdout, 'lines ≤ 72 columns')).toMatch(/FAIL.*line 1 \(73 columns\)|1 line wider/);
  });
});

describe('imprint check: EPUB', () => {
  it.skipIf(!haveEpubcheck)('fails an EPUB that EPUBCheck rejects, quoting its errors and naming the stores', async () => {
    const dir = tmpDir();
    const zip = new JSZip();
    zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
    zip.file('META-INF/container.xml', '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>');
    writeFileSync(path.join(dir, 'broken.epub'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = imprint(['check', 'broken.epub', '--no-ace'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(line(r.stdout, 'EPUBCheck')).toMatch(/FAIL\s+EPUBCheck \d+\.\d+\.\d+: \d+ errors?.*: Apple Books, Google Play Books, Kobo and Amazon KDP reject/);
    expect(r.stdout).toMatch(/^\s+(FATAL|ERROR) [A-Z]{3}-\d{3}: /m);
    expect(line(r.stdout, 'Ace by DAISY')).toBe('  skipped  Ace by DAISY: left out (--no-ace)');
  });
});

describe('imprint check: missing tools and usage', () => {
  it('skips what needs a missing tool and says how to install it, without failing', async () => {
    const dir = tmpDir();
    await writePdf(dir, 'good.pdf', GOOD_BOOK);
    writeFileSync(path.join(dir, 'book.epub'), 'not checked');
    const r = imprint(['check', 'good.pdf', 'book.epub', '--no-ace'], { cwd: dir, env: { PATH: path.join(dir, 'no-tools-here') } });
    expect(line(r.stdout, 'fonts embedded')).toBe('  skipped  fonts embedded: tool missing: pdffonts is not installed: apt-get install poppler-utils');
    expect(line(r.stdout, 'qpdf --check')).toBe('  skipped  qpdf --check: tool missing: qpdf is not installed: apt-get install qpdf');
    // PDF/A identification needs no tool: imprint reads the XMP itself.
    expect(line(r.stdout, 'PDF/A identification')).toMatch(/^  ok/);
    expect(line(r.stdout, 'EPUBCheck')).toMatch(/^  skipped  EPUBCheck: tool missing: .*apt-get install/);
    expect(r.status).toBe(0);
  });

  it('names the command that installs Ace when it is nowhere to be found', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'book.epub'), 'not an EPUB');
    const r = imprint(['check', 'book.epub'], { cwd: dir, env: { PATH: path.join(dir, 'no-tools-here') } });
    // imprint also finds the copy CI installs in its own checkout (.ci/tools/ace); then Ace runs.
    if (existsSync(path.join(ROOT, '.ci/tools/ace/node_modules/.bin/ace-puppeteer'))) {
      expect(line(r.stdout, 'Ace by DAISY')).not.toMatch(/tool missing/);
    } else {
      expect(line(r.stdout, 'Ace by DAISY')).toBe(
        '  skipped  Ace by DAISY: tool missing: ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace',
      );
    }
  });

  it('checks everything in dist/ when no file is named, and says when there is nothing', async () => {
    const dir = tmpDir();
    expect(imprint(['check'], { cwd: dir }).status).toBe(2);
    const dist = path.join(dir, 'dist');
    await import('node:fs').then((fs) => fs.mkdirSync(dist));
    writeFileSync(path.join(dist, 'a.txt'), 'fine\n');
    writeFileSync(path.join(dist, '.a.txt.123.tmp'), 'staging\r\n');
    writeFileSync(path.join(dist, 'notes.md'), 'ignored');
    const r = imprint(['check'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe('dist/a.txt');
    expect(r.stdout).not.toContain('.tmp');
    expect(r.stdout).not.toContain('notes.md');
    expect(r.status).toBe(0);
  });

  it('refuses a file of a kind it cannot check (exit 2) and reports a missing one as a failure', () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'x.docx'), '');
    expect(imprint(['check', 'x.docx'], { cwd: dir }).status).toBe(2);
    const r = imprint(['check', 'gone.pdf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  FAIL     file: no such file');
  });
});

describe('contents page reading', () => {
  const page = (...lines: string[]) => lines.join('\n');

  it('finds entries by their dot leaders, wrapped entries included, and maps folios through page labels', () => {
    const pages = [
      '',
      page('A Book'),
      page('Contents', '', 'Opening . . . . . . . . . 1', 'A heading long enough that it wraps onto', 'a second line ...................... 2'),
      page('Opening', 'Text.'),
      page('A heading long enough that it wraps onto a', 'second line', 'Text.'),
    ];
    const labels = labelsFromRanges([{ index: 0, style: 'r' }, { index: 2, style: 'D', start: 1 }], 4);
    expect(labels).toEqual(['', 'i', 'ii', '1', '2']);
    const r = checkContents(pages, labels);
    expect(r.contentsPages).toEqual([2]);
    expect(r.entries.map((e) => e.printed)).toEqual(['1', '2']);
    expect(r.problems).toEqual([]);
  });

  it('does not take a running head or a later repeat for the heading, and names a wrong folio', () => {
    const body = [page('Alpha', 'Text.'), page('Alpha', 'Beta', 'Text.'), page('Beta', 'Text.')];
    expect(checkContents(['', page('Contents', 'Alpha ....... 2', 'Beta ....... 3'), ...body]).problems).toEqual([]);
    expect(checkContents(['', page('Contents', 'Alpha ....... 2', 'Beta ....... 4'), ...body]).problems).toEqual(['"Beta" is listed on page 4 but is set on page 3']);
    expect(checkContents(['', page('Contents', 'Alpha ....... 3', 'Beta ....... 3'), ...body]).problems).toEqual(['"Alpha" is listed on page 3 but is set on page 2']);
  });

  it('reads a titled contents whose leaders are graphics (a wide gap, then the folio), continued overleaf', () => {
    const pages = [
      '',
      page('Contents', '', 'Opening            1', '', 'Middle             2', '', '     ii'),
      page('End                3', '', '     iii'),
      page('Opening', 'A line of text      with a wide gap 12'),
      page('Middle', 'Text.'),
      page('End', 'Text.'),
    ];
    const labels = labelsFromRanges([{ index: 0, style: 'r', start: 2 }, { index: 2, style: 'D' }], 5);
    const r = checkContents(pages, labels);
    expect(r.contentsPages).toEqual([1, 2]);
    expect(r.entries.map((e) => e.text)).toEqual(['Opening', 'Middle', 'End']);
    expect(r.problems).toEqual([]);
    // Without the title, wide gaps alone do not make a contents page.
    expect(checkContents(['', page('Opening            1'), page('Opening')]).entries).toEqual([]);
  });

  it('matches a contents entry cut short with an ellipsis to the heading it begins', () => {
    const pages = ['', page('Contents', 'The beginning of a very long heading…....... 2'), page('The beginning of a very long heading that goes on', 'Text.')];
    expect(checkContents(pages).problems).toEqual([]);
  });

  it('reports a heading that is nowhere after the contents', () => {
    const pages = ['', page('Contents', 'Missing ....... 2'), page('Something else')];
    expect(checkContents(pages).problems).toEqual(['"Missing" (listed on page 2) is not set as a heading on any page after the contents']);
  });
});

describe('XMP well-formedness', () => {
  it('accepts escaped text and nested elements, and names unescaped ampersands and bad nesting', () => {
    expect(xmlProblem('<x:xmpmeta xmlns:x="adobe:ns:meta/"><a b="1">Tom &amp; Jerry</a><c/></x:xmpmeta>')).toBeUndefined();
    expect(xmlProblem('<a>Tom & Jerry</a>')).toMatch(/unescaped "&"/);
    expect(xmlProblem('<a><b></a></b>')).toBe('<b> closed by </a>');
    expect(xmlProblem('<a>')).toBe('<a> never closed');
  });
});
