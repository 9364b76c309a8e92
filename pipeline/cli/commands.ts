// The one registry of commands: each command's summary, argument, options and handler; parsing, help and dispatch all read it.
import { OPTION, oneOf, positiveInteger, option, type CliOptions, type CommandSpec } from './args.ts';
import type { CliIO } from './io.ts';

/** A command as registered: its declaration, and its handler (loaded only when it runs: loading modules is most of start-up). */
export interface RegisteredCommand extends CommandSpec {
  run(options: CliOptions, io: CliIO): Promise<number>;
}

// Options of one command only; the shared ones are in OPTION.
const baseline = option({ flag: 'baseline', key: 'baseline', value: 'REF', help: 'mark findings that REF (a git revision or a JSON report) already had; new ones come first' });
const out = option({ flag: 'out', key: 'out', value: 'DIR', help: 'output folder (default: output)' });
const only = option({ flag: 'only', key: 'only', value: 'html|pdf', help: 'write only the HTML or only the PDF files', parse: oneOf(['html', 'pdf'] as const) });
const since = option({
  flag: 'since',
  key: 'since',
  value: 'REF',
  help: 'what 本次更新 compares with: a published version (v2 or 2), a snapshot file, or a git revision (HEAD~1, origin/main); default: the latest published version',
});
// publish's `--version N` is the number to publish, not the switch `review --version`; its date is checked by publish.
const publishNumber = option({ flag: 'version', key: 'publishNumber', value: 'N', help: 'the number of the version (default: the latest published + 1)', parse: positiveInteger });
const date = option({ flag: 'date', key: 'date', value: 'YYYY-MM-DD', help: "the version's date (default: SOURCE_DATE_EPOCH; never the clock)" });
const references = option({ flag: 'references', key: 'references', value: 'FILE', help: "the reference list (references.csv, CSL-JSON, RIS or BibTeX) instead of the manuscript's own" });
const into = option({ flag: 'into', key: 'into', value: 'FILE', help: 'the references.csv to add rows to (default: records/references.csv)' });

/**
 * Every command. Adding one is one entry here, with its options; the parser
 * rejects for each command every option it does not list, and `review CMD --help` prints this.
 */
export const COMMANDS: Readonly<Record<string, RegisteredCommand>> = {
  check: {
    summary: 'validate the records and the templates against them, and print the findings',
    options: [OPTION.records, OPTION.templates, OPTION.format, OPTION.maxWarnings, baseline, OPTION.config],
    run: async (options, io) => (await import('./check.ts')).runCheckCommand(options, io),
  },
  build: {
    summary: 'check everything, then write the review and its evidence table as HTML and PDF (nothing when the check fails)',
    options: [OPTION.records, OPTION.templates, out, only, since, OPTION.format, OPTION.maxWarnings, OPTION.config],
    run: async (options, io) => (await import('./build.ts')).runBuildCommand(options, io),
  },
  'cite-check': {
    summary: "check a hand-numbered manuscript's citations against its reference list",
    positional: { name: 'FILE', help: 'the manuscript (plain text or Markdown)' },
    options: [references, OPTION.format, OPTION.maxWarnings, OPTION.config],
    run: async (options, io) => (await import('./cite-check.ts')).runCiteCheckCommand(options, io),
  },
  publish: {
    summary: 'record the current records as a published version (versions/vN.json beside the records folder), for the editor to commit',
    options: [OPTION.records, publishNumber, date, OPTION.config],
    run: async (options, io) => (await import('./publish.ts')).runPublishCommand(options, io),
  },
  analyse: {
    summary: 'run the meta-analyses of analyses.csv and print them (a table, or JSON)',
    options: [
      OPTION.records,
      option({ flag: 'format', short: 'f', key: 'format', value: 'F', help: 'report format: stylish, json (default: stylish)', parse: oneOf(['stylish', 'json'] as const) }),
      option({ flag: 'only', key: 'analysis', value: 'ID', help: 'only the analysis of records/analyses.csv with this id' }),
      OPTION.maxWarnings,
      OPTION.config,
    ],
    run: async (options, io) => (await import('./analyse.ts')).runAnalyseCommand(options, io),
  },
  'import-refs': {
    summary: 'add the works of a CSL-JSON, RIS or BibTeX file to references.csv as unverified rows',
    positional: { name: 'FILE', help: 'the CSL-JSON (.json), RIS (.ris, .enw, .txt) or BibTeX (.bib) file' },
    options: [into],
    run: async (options, io) => (await import('./import-refs.ts')).runImportRefsCommand(options, io),
  },
};
