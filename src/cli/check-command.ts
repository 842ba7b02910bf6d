// `imprint check`: validates built editions and says what a store or archive would reject.

import { EXIT } from '../diagnostics.js';
import { anyFailed, formatReport, runChecks } from '../check/check.js';
import { parseInteger, parseOptions } from './args.js';
import type { Command } from './command.js';

export const checkCommand: Command = {
  name: 'check',
  usage: 'imprint check [files…] [--manifest FILE] [-w N] [--strict] [--no-ace] [--json]',
  summary: `check built editions the way stores and archives do
      files                .epub, .pdf, .txt editions and .manifest.json manifests
                           (default: everything in dist/)
      --manifest FILE      verify each file FILE lists: size and SHA-256 (repeatable)
      -w, --width N        the text edition's line width (default: 72)
      --strict             EPUBCheck warnings fail too
      --no-ace             leave out Ace by DAISY (it takes tens of seconds)
      --json               print the results as JSON on stdout
      exit status 1 when any check fails; a check whose tool is missing is skipped
      and says how to install it`,
  run: async (args) => {
    const { values, positionals } = parseOptions('check', args, {
      manifest: { type: 'string', multiple: true },
      width: { type: 'string', short: 'w' },
      strict: { type: 'boolean' },
      'no-ace': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const reports = await runChecks({
      files: positionals,
      manifests: values.manifest ?? [],
      width: parseInteger('--width', values.width, 72, 20, 1000),
      strict: values.strict ?? false,
      ace: !values['no-ace'],
      cwd: process.cwd(),
      env: process.env,
    });
    process.stdout.write(values.json ? JSON.stringify({ ok: !anyFailed(reports), files: reports }, null, 2) + '\n' : formatReport(reports));
    return anyFailed(reports) ? EXIT.input : EXIT.ok;
  },
};
