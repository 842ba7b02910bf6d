// `imprint init`: a new project an author can build at once.

import { EXIT, UsageError } from '../diagnostics.js';
import { validDate } from '../import/iso-date.js';
import { init } from '../init/init.js';
import { parseOptions } from './args.js';
import type { Command } from './command.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'imprint init [dir] [--force] [--date YYYY-MM-DD]',
  summary: `start a project: manuscript/ with a sample chapter, assets/, .gitignore
      dir                  the project folder, created if missing (default: here)
      --force              also in a folder that is not empty (existing files are kept)
      --date YYYY-MM-DD    the sample's publication date (default: today)`,
  run: async (args) => {
    const { values, positionals } = parseOptions('init', args, {
      force: { type: 'boolean' },
      date: { type: 'string' },
    });
    if (positionals.length > 1) throw new UsageError(`init takes one folder, got ${positionals.length}`);
    if (values.date !== undefined && !validDate(values.date)) throw new UsageError(`--date must be a date written YYYY-MM-DD, got "${values.date}"`);
    const result = await init({ dir: positionals[0] ?? '.', force: values.force ?? false, date: values.date });
    process.stdout.write(result.lines.join('\n') + '\n');
    return EXIT.ok;
  },
};
