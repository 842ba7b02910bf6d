// Issue #5, "Resources stay inside": images come from the manuscript's folder or
// assets/ only, nothing is fetched, and a refused image names its file and line.

import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { manuscript, Project } from '../support/project.js';
import { tmpDir } from '../support/tools.js';

const PNG = path.join(ROOT, 'tests/fixtures/kitchen-sink/diagram.png');

function projectWithImage(src: string): Project {
  const p = new Project({ 'manuscript/book.md': manuscript('title: T\ndate: 2024-01-01', `# H\n\nText.\n\n![Alt words here](${src})\n`) });
  copyFileSync(PNG, path.join(p.dir, 'manuscript/ok.png'));
  return p;
}

describe('resources stay inside', () => {
  const outside = tmpDir();
  const outsidePng = path.join(outside, 'secret.png');
  copyFileSync(PNG, outsidePng);

  const refused: [string, string][] = [
    ['an absolute path', outsidePng],
    ['a .. escape', '../../' + path.relative('/', outsidePng)],
    ['a file: URL', `file://${outsidePng}`],
    ['an http: URL', 'http://127.0.0.1:9/x.png'],
    ['an https: URL', 'https://example.com/x.png'],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo='],
  ];
  for (const [what, src] of refused) {
    it(`refuses ${what} with the file and line, exit 1, nothing written`, () => {
      const p = projectWithImage(src);
      const r = p.build();
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(/^imprint: manuscript\/book\.md:10: /);
      expect(p.outputs()).toEqual([]);
    });
  }

  it('refuses a symlink that points outside', () => {
    const p = projectWithImage('link.png');
    symlinkSync(outsidePng, path.join(p.dir, 'manuscript/link.png'));
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:10: .*link\.png/);
  });

  it('names a missing image', () => {
    const p = projectWithImage('missing.png');
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:10: .*missing\.png/);
  });

  it('accepts images beside the manuscript and in assets/', () => {
    const p = projectWithImage('ok.png');
    copyFileSync(PNG, path.join(p.dir, 'assets/in-assets.png'));
    p.write('manuscript/book.md', manuscript('title: T\ndate: 2024-01-01', '# H\n\n![One](ok.png)\n\n![Two](in-assets.png)\n\n![Three](../assets/in-assets.png)\n'));
    const r = p.build(['--formats', 'epub']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('with --keep-going, a refused image becomes a warning and its alt text stands in', () => {
    const p = projectWithImage('https://example.com/x.png');
    const r = p.build(['--keep-going', '--formats', 'txt']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:10: warning: /m);
    expect(p.text('dist/book.txt')).toContain('Alt words here');
  });

  it('never writes a file outside the output folder', () => {
    const p = projectWithImage('ok.png');
    writeFileSync(path.join(outside, 'untouched'), 'same');
    expect(p.build(['--formats', 'txt']).status).toBe(0);
    expect(p.outputs()).toEqual(['book.manifest.json', 'book.txt']);
  });
});
