// Command-line options: parsed with node:util, validated into one typed shape; bad usage is a typed error (exit 2).
import { parseArgs } from 'node:util';
import { ReviewError } from '../errors.ts';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.ts';

export const COMMANDS = ['check', 'build', 'cite-check', 'import-refs'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  command: Command | undefined;
  positionals: string[];
  records: string;
  templates: string;
  out: string;
  format: ReportFormat;
  maxWarnings: number | undefined;
  references: string | undefined;
  into: string;
  only: 'html' | 'pdf' | undefined;
  since: string | undefined;
  lang: 'zh' | 'en';
  quiet: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  records: { type: 'string' },
  templates: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  references: { type: 'string' },
  into: { type: 'string' },
  only: { type: 'string' },
  since: { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new ReviewError('USAGE', (cause as Error).message.replace(/\. To specify a positional argument.*$/s, ''), { cause });
  }
  const { values, positionals } = parsed;
  const [commandWord, ...rest] = positionals;
  if (commandWord !== undefined && !(COMMANDS as readonly string[]).includes(commandWord)) {
    throw new ReviewError('USAGE', `unknown command '${commandWord}'; expected one of ${COMMANDS.join(', ')}`);
  }
  return {
    command: commandWord as Command | undefined,
    positionals: rest,
    records: values.records ?? 'records',
    templates: values.templates ?? 'templates',
    out: values.out ?? 'output',
    format: oneOf('--format', values.format ?? 'stylish', REPORT_FORMATS),
    maxWarnings: values['max-warnings'] === undefined ? undefined : nonNegativeInteger('--max-warnings', values['max-warnings']),
    references: values.references,
    into: values.into ?? 'records/references.csv',
    only: values.only === undefined ? undefined : oneOf('--only', values.only, ['html', 'pdf'] as const),
    since: values.since,
    lang: oneOf('--lang', values.lang ?? 'zh', ['zh', 'en'] as const),
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function oneOf<const T extends readonly string[]>(option: string, value: string, allowed: T): T[number] {
  if ((allowed as readonly string[]).includes(value)) return value as T[number];
  throw new ReviewError('USAGE', `${option} must be one of ${allowed.join(', ')}, not '${value}'`);
}

function nonNegativeInteger(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new ReviewError('USAGE', `${option} takes a whole number, not '${value}'`);
  return Number(value);
}

export const USAGE = `review: keeps a literature review true to its evidence

Usage:
  review check       [--records DIR] [--templates DIR] [--format F] [--max-warnings N]
  review build       [--records DIR] [--templates DIR] [--out DIR] [--only html|pdf] [--since FILE] [--lang zh|en]
  review cite-check  FILE [--references FILE] [--format F]
  review import-refs FILE [--into records/references.csv]
  review --help | --version

Options:
  --records DIR       records folder (default: records)
  --templates DIR     templates folder (default: templates); absent or empty: records only
  --format F          stylish (default), json, github or sarif
  --max-warnings N    exit 1 when there are more than N warnings
  --out DIR           build: the output folder (default: output)
  --only html|pdf     build: write only the HTML or only the PDF files
  --since FILE        build: the snapshot to compare with (default: DIR/review-data.json)
  --references FILE   cite-check: the reference list (references.csv, CSL-JSON, RIS or BibTeX)
                      instead of the manuscript's own 参考文献 / References section
  --into FILE         import-refs: the references.csv to add rows to
  --quiet, -q         no progress or notes on stderr
  --debug             show stack traces of internal errors
  --lang zh|en        language of rendered labels (default: zh)

Exit codes: 0 no errors; 1 errors found (or too many warnings); 2 usage error or operational failure.
`;
