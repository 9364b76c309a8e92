// Command-line options: parsed with node:util, validated into one typed shape; bad usage is a typed error (exit 2).
import { parseArgs } from 'node:util';
import { ReviewError } from '../errors.ts';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.ts';

export const COMMANDS = ['check', 'build', 'cite-check', 'import-refs', 'publish', 'analyse'] as const;
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
  /** analyse: the one analysis id of `--only`. */
  analysis: string | undefined;
  since: string | undefined;
  /** publish: the version's number (`--version N`) and date (`--date YYYY-MM-DD`). */
  publishNumber: number | undefined;
  date: string | undefined;
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

/** publish's own options: `--version N` there is the number to publish, not the tool's version. */
const PUBLISH_OPTIONS = { ...OPTIONS, version: { type: 'string' }, date: { type: 'string' } } as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  // The command decides what `--version` means, so it is found first (a lenient pass that throws nothing).
  const isPublish = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false }).positionals[0] === 'publish';
  let values: Readonly<Record<string, string | boolean | undefined>>;
  let positionals: string[];
  try {
    // Typed by hand: parseArgs cannot infer values from a choice between two option tables.
    ({ values, positionals } = parseArgs({ args: [...argv], options: isPublish ? PUBLISH_OPTIONS : OPTIONS, allowPositionals: true, strict: true }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    });
  } catch (cause) {
    throw new ReviewError('USAGE', (cause as Error).message.replace(/\. To specify a positional argument.*$/s, ''), { cause });
  }
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const flag = (name: string): boolean => values[name] === true;
  const [commandWord, ...rest] = positionals;
  if (commandWord !== undefined && !(COMMANDS as readonly string[]).includes(commandWord)) {
    throw new ReviewError('USAGE', `unknown command '${commandWord}'; expected one of ${COMMANDS.join(', ')}`);
  }
  return {
    command: commandWord as Command | undefined,
    positionals: rest,
    records: text('records') ?? 'records',
    templates: text('templates') ?? 'templates',
    out: text('out') ?? 'output',
    format: oneOf('--format', text('format') ?? 'stylish', REPORT_FORMATS),
    maxWarnings: text('max-warnings') === undefined ? undefined : nonNegativeInteger('--max-warnings', text('max-warnings') as string),
    references: text('references'),
    into: text('into') ?? 'records/references.csv',
    only: text('only') === undefined || commandWord === 'analyse' ? undefined : oneOf('--only', text('only') as string, ['html', 'pdf'] as const),
    analysis: commandWord === 'analyse' ? text('only') : undefined,
    since: text('since'),
    publishNumber: isPublish && text('version') !== undefined ? positiveInteger('--version', text('version') as string) : undefined,
    date: text('date'),
    lang: oneOf('--lang', text('lang') ?? 'zh', ['zh', 'en'] as const),
    quiet: flag('quiet'),
    debug: flag('debug'),
    help: flag('help'),
    version: !isPublish && flag('version'),
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

function positiveInteger(option: string, value: string): number {
  const number = nonNegativeInteger(option, value);
  if (number < 1) throw new ReviewError('USAGE', `${option} takes a whole number from 1, not '${value}'`);
  return number;
}

export const USAGE = `review: keeps a literature review true to its evidence

Usage:
  review check       [--records DIR] [--templates DIR] [--format F] [--max-warnings N]
  review build       [--records DIR] [--templates DIR] [--out DIR] [--only html|pdf] [--since REF] [--lang zh|en]
  review cite-check  FILE [--references FILE] [--format F]
  review import-refs FILE [--into records/references.csv]
  review publish     [--records DIR] [--version N] [--date YYYY-MM-DD]
  review analyse     [--records DIR] [--format stylish|json] [--only ID]
  review --help | --version

Options:
  --records DIR       records folder (default: records)
  --templates DIR     templates folder (default: templates); absent or empty: records only
  --format F          stylish (default), json, github or sarif
  --max-warnings N    exit 1 when there are more than N warnings
  --out DIR           build: the output folder (default: output)
  --only html|pdf     build: write only the HTML or only the PDF files
  --only ID           analyse: the one analysis of records/analyses.csv with this id
  --since REF         build: what 本次更新 compares with: a published version (v2 or 2), a snapshot
                      file, or a git revision (HEAD~1, origin/main); default: the latest published version
  --version N         publish: the number of the version (default: the latest published + 1)
  --date YYYY-MM-DD   publish: the version's date (default: SOURCE_DATE_EPOCH; never the clock)
  --references FILE   cite-check: the reference list (references.csv, CSL-JSON, RIS or BibTeX)
                      instead of the manuscript's own 参考文献 / References section
  --into FILE         import-refs: the references.csv to add rows to (a file inside the review);
                      FILE is RIS, EndNote .enw, PubMed .nbib, BibTeX, CSL-JSON, Web of Science or CNKI E-Study
  --quiet, -q         no progress or notes on stderr
  --debug             show stack traces of internal errors
  --lang zh|en        language of rendered labels (default: zh)

Exit codes: 0 no errors; 1 errors found (or too many warnings); 2 usage error or operational failure.
`;
