// `imprint import`: plain text in, a Markdown manuscript out.

import { EXIT, UsageError } from '../diagnostics.js';
import { importPlainText } from '../import/import.js';
import { parseOptions } from './args.js';
import type { Command } from './command.js';

export const importCommand: Command = {
  name: 'import',
  usage: 'imprint import <file.txt> [-o FILE] [--force] [--date YYYY-MM-DD] [--lang TAG] [--title TEXT | --no-title]',
  summary: `turn a plain-text copy into a Markdown manuscript
      file.txt             one paragraph per line, or paragraphs separated by blank lines
      -o, --out FILE       the manuscript to write (default: manuscript/<file>.md)
      --force              replace FILE if it exists
      --date YYYY-MM-DD    the front matter's date (default: the text file's modification date)
      --lang TAG           the front matter's language (default: en)
      --title TEXT         the book's title (default: the first line, when it reads as one)
      --no-title           never take the first line as the title
      -q, --quiet          print only errors`,
  run: async (args) => {
    const { values, positionals } = parseOptions('import', args, {
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      date: { type: 'string' },
      lang: { type: 'string' },
      title: { type: 'string' },
      'no-title': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (positionals.length === 0) throw new UsageError('import needs the plain-text file to read, e.g. imprint import article.txt');
    if (positionals.length > 1) throw new UsageError(`import takes one file, got ${positionals.length}`);
    if (values.title !== undefined && values['no-title']) throw new UsageError('import: give --title or --no-title, not both');
    if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title is empty');
    const result = await importPlainText({
      input: positionals[0],
      out: values.out,
      force: values.force ?? false,
      date: values.date,
      lang: values.lang ?? 'en',
      title: values.title?.trim(),
      detectTitle: !values['no-title'],
    });
    if (!values.quiet) process.stdout.write(result.report.join('\n') + '\n');
    return EXIT.ok;
  },
};
