// Issue #5, "Front matter is data": nothing in front matter is ever executed.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../support/project.js';
import { tmpDir } from '../support/tools.js';

describe('front matter is data', () => {
  for (const lang of ['js', 'javascript', 'coffee', 'coffeescript']) {
    it(`refuses ---${lang} front matter without running it`, () => {
      const marker = path.join(tmpDir(), 'pwned');
      const code = lang.startsWith('coffee')
        ? `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`
        : `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T') }`;
      const p = new Project({ 'manuscript/book.md': `---${lang}\n${code}\n---\n\n# H\n\nText.\n` });
      const r = p.build();
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`imprint: manuscript/book.md:1: front matter language "${lang}" is not supported`);
      expect(existsSync(marker)).toBe(false);
      expect(p.outputs()).toEqual([]);
    });
  }

  it('does not construct JavaScript types from YAML tags', () => {
    const marker = path.join(tmpDir(), 'pwned');
    const p = new Project({
      'manuscript/book.md': `---\ntitle: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\n---\n\n# H\n\nText.\n`,
    });
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:\d+: /);
    expect(existsSync(marker)).toBe(false);
  });

  it('ends an alias bomb quickly with an error instead of exhausting memory', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const p = new Project({ 'manuscript/book.md': `---\ntitle: Bomb\n${lines.join('\n')}\n---\n\n# H\n\nText.\n` });
    const started = Date.now();
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^imprint: manuscript\/book\.md:\d+: .*alias/i);
    // Not a timing assertion on speed, only a bound that separates "stopped" from "ran away".
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
