// Command-line grammar: the options each command declares, parsed into one typed shape; bad usage is a typed error (exit 2) with the nearest word suggested.
import { parseArgs } from 'node:util';
import { ReviewError } from '../errors.ts';
import { nearest } from '../normalise/nearest.ts';
import { maxOf } from '../arrays.ts';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.ts';

/** Every option value a command may read, with its default filled in; a command reads only the ones it declares. */
export interface CliOptions {
  command: string | undefined;
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
  baseline: string | undefined;
  config: string | undefined;
  /** `publish --version N`: the number of the version to record (not the switch `review --version`). */
  publishNumber: number | undefined;
  /** `publish --date YYYY-MM-DD`. */
  date: string | undefined;
  /** `analyse --only ID`: one analysis of analyses.csv. */
  analysis: string | undefined;
  lang: 'zh' | 'en';
  quiet: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
  /** The options written on the command line (by key), as opposed to defaulted: an explicit folder must exist. */
  given: ReadonlySet<OptionKey>;
}

export type OptionKey = Exclude<keyof CliOptions, 'command' | 'positionals' | 'given'>;

/** One option: its flag, the value it takes (none for a switch), its help line, and how its text becomes a value. */
export interface OptionSpec {
  flag: string;
  short?: string;
  key: OptionKey;
  /** The value's placeholder in help (`DIR`); absent for a switch. */
  value?: string;
  help: string;
  parse?: (text: string, flag: string) => CliOptions[OptionKey];
}

/** One command: what it does, its positional argument (if any), its options, and how it runs. */
export interface CommandSpec {
  summary: string;
  /** The one positional argument the command takes (always required), e.g. `FILE`. */
  positional?: { name: string; help: string };
  options: readonly OptionSpec[];
}

/** Declares an option; `parse` is typed by the key it fills. */
export function option<K extends OptionKey>(spec: { flag: string; short?: string; key: K; value?: string; help: string; parse?: (text: string, flag: string) => CliOptions[K] }): OptionSpec {
  return spec as OptionSpec;
}

export function oneOf<const T extends readonly string[]>(allowed: T): (text: string, flag: string) => T[number] {
  return (text, flag) => {
    if ((allowed as readonly string[]).includes(text)) return text as T[number];
    const near = nearest(text, allowed);
    throw new ReviewError('USAGE', `--${flag} must be one of ${allowed.join(', ')}, not '${text}'${near ? `; did you mean '${near}'?` : ''}`);
  };
}

export function nonNegativeInteger(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new ReviewError('USAGE', `--${flag} takes a whole number, not '${text}'`);
  return Number(text);
}

/** A whole number from 1 (a version's number). */
export function positiveInteger(text: string, flag: string): number {
  const number = nonNegativeInteger(text, flag);
  if (number < 1) throw new ReviewError('USAGE', `--${flag} takes a whole number from 1, not '${text}'`);
  return number;
}

const text = (value: string): string => value;

// The options shared by several commands, declared once.
export const OPTION = {
  records: option({ flag: 'records', key: 'records', value: 'DIR', help: 'records folder (default: records); it must exist', parse: text }),
  templates: option({ flag: 'templates', key: 'templates', value: 'DIR', help: 'templates folder (default: templates; absent: records only); given, it must exist', parse: text }),
  format: option({ flag: 'format', short: 'f', key: 'format', value: 'F', help: `report format: ${REPORT_FORMATS.join(', ')} (default: stylish)`, parse: oneOf(REPORT_FORMATS) }),
  maxWarnings: option({ flag: 'max-warnings', key: 'maxWarnings', value: 'N', help: 'exit 1 when there are more than N warnings', parse: nonNegativeInteger }),
  config: option({ flag: 'config', key: 'config', value: 'FILE', help: 'rule settings (default: review.config.json when present)', parse: text }),
  quiet: option({ flag: 'quiet', short: 'q', key: 'quiet', help: 'no progress or notes on stderr' }),
  debug: option({ flag: 'debug', key: 'debug', help: 'show stack traces of internal errors' }),
  help: option({ flag: 'help', short: 'h', key: 'help', help: 'print this help' }),
  // Common to every command, as the design fixes it; only the commands that render or describe changes read it.
  lang: option({ flag: 'lang', key: 'lang', value: 'zh|en', help: 'language of rendered labels and of what changed (default: zh)', parse: oneOf(['zh', 'en'] as const) }),
  version: option({ flag: 'version', short: 'v', key: 'version', help: "print review's version" }),
} as const;

/** Options every command takes. */
const COMMON: readonly OptionSpec[] = [OPTION.quiet, OPTION.debug, OPTION.lang, OPTION.help];
/** Options taken with no command. */
const TOP_LEVEL: readonly OptionSpec[] = [OPTION.help, OPTION.version, OPTION.quiet, OPTION.debug];

/** The default of every value; `given` records what the command line changed. */
const DEFAULTS: Omit<CliOptions, 'command' | 'positionals' | 'given'> = {
  records: 'records',
  templates: 'templates',
  out: 'output',
  format: 'stylish',
  maxWarnings: undefined,
  references: undefined,
  into: 'records/references.csv',
  only: undefined,
  since: undefined,
  baseline: undefined,
  config: undefined,
  publishNumber: undefined,
  date: undefined,
  analysis: undefined,
  lang: 'zh',
  quiet: false,
  debug: false,
  help: false,
  version: false,
};

/**
 * Parses `argv` against the commands' declarations: the command comes first (after `--debug`/`--quiet`
 * at most), then only the options that command declares and its positional argument, if it takes one.
 */
export function parseCliArgs(argv: readonly string[], commands: Readonly<Record<string, CommandSpec>>): CliOptions {
  const at = argv.findIndex((arg) => !arg.startsWith('-'));
  const before = at < 0 ? argv : argv.slice(0, at);
  const commandWord = at < 0 ? undefined : argv[at];
  if (commandWord === undefined) return parseFor(undefined, TOP_LEVEL, undefined, argv);
  // Own keys only: `review constructor` names no command.
  const isCommand = (word: string) => Object.hasOwn(commands, word);
  const command = isCommand(commandWord) ? commands[commandWord] : undefined;
  const later = argv.findIndex(isCommand);
  if (command === undefined && later > at) {
    throw new ReviewError('USAGE', `options come after the command: review ${argv[later]} ${argv.filter((_, i) => i !== later).join(' ')}`);
  }
  if (command === undefined) {
    const near = nearest(commandWord, Object.keys(commands));
    throw new ReviewError('USAGE', `unknown command '${commandWord}'; ${near ? `did you mean '${near}'?` : `the commands are ${Object.keys(commands).join(', ')}`}`);
  }
  const leading = parseFor(undefined, COMMON, undefined, before, `options come after the command: review ${commandWord} ${before.join(' ')}`);
  const options = parseFor(commandWord, [...command.options, ...COMMON], command, leading.help ? [] : argv.slice(at + 1));
  const either = (key: 'quiet' | 'debug' | 'help') => options[key] || leading[key];
  return { ...options, quiet: either('quiet'), debug: either('debug'), help: either('help'), given: new Set([...leading.given, ...options.given]) };
}

function parseFor(commandWord: string | undefined, specs: readonly OptionSpec[], command: CommandSpec | undefined, args: readonly string[], misplaced?: string): CliOptions {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const spec of specs) config[spec.flag] = { type: spec.value === undefined ? 'boolean' : 'string', ...(spec.short ? { short: spec.short } : {}) };
  // Non-strict, with tokens: an unknown option is seen in place and answered with the nearest known one.
  const { tokens } = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, unknown> = { ...DEFAULTS };
  const given = new Set<OptionKey>();
  const positionals: string[] = [];
  const who = commandWord === undefined ? 'review' : `review ${commandWord}`;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = specs.find((s) => s.flag === token.name || s.short === token.name);
    if (spec === undefined) {
      if (misplaced) throw new ReviewError('USAGE', misplaced);
      const near = nearest(token.name, specs.map((s) => s.flag));
      throw new ReviewError('USAGE', `${who} does not take ${token.rawName}${near ? `; did you mean --${near}?` : `; it takes ${specs.map((s) => `--${s.flag}`).join(', ')}`}`);
    }
    if (spec.value === undefined) {
      if (token.value !== undefined) throw new ReviewError('USAGE', `--${spec.flag} takes no value, not '${token.value}'`);
      values[spec.key] = true;
    } else {
      if (token.value === undefined || token.value === '') throw new ReviewError('USAGE', `--${spec.flag} needs a value: --${spec.flag} ${spec.value}`);
      values[spec.key] = spec.parse ? spec.parse(token.value, spec.flag) : token.value;
    }
    given.add(spec.key);
  }
  if (!values.help) checkPositionals(commandWord, command, positionals);
  return { ...(values as Omit<CliOptions, 'command' | 'positionals' | 'given'>), command: commandWord, positionals, given };
}

function checkPositionals(commandWord: string | undefined, command: CommandSpec | undefined, positionals: readonly string[]): void {
  if (commandWord === undefined || command === undefined) return;
  const wanted = command.positional;
  if (wanted === undefined && positionals.length > 0) {
    const folder = command.options.find((s) => s.key === 'records');
    throw new ReviewError('USAGE', `review ${commandWord} takes no argument, not '${positionals[0]}'${folder ? `; did you mean --records ${positionals[0]}?` : ''}`);
  }
  if (wanted !== undefined && positionals.length !== 1) {
    throw new ReviewError('USAGE', `review ${commandWord} takes one ${wanted.name}${positionals.length > 1 ? `, not ${positionals.length}` : ''}: ${usageLine(commandWord, command)}`);
  }
}

/** `review check [--records DIR] …`, from the declaration. */
export function usageLine(name: string, command: CommandSpec): string {
  const options = command.options.map((s) => `[--${s.flag}${s.value ? ` ${s.value}` : ''}]`);
  return ['review', name, ...(command.positional ? [command.positional.name] : []), ...options].join(' ');
}

function optionLines(specs: readonly OptionSpec[]): string[] {
  const left = specs.map((s) => `  --${s.flag}${s.value ? ` ${s.value}` : ''}${s.short ? `, -${s.short}` : ''}`);
  const width = maxOf(left.map((l) => l.length)) + 2;
  return specs.map((s, i) => `${(left[i] as string).padEnd(width)}${s.help}`);
}

const EXIT_CODES = 'Exit codes: 0 no errors; 1 errors found (or too many warnings); 2 usage error or operational failure.';

/** The help of one command, generated from its declaration. */
export function commandHelp(name: string, command: CommandSpec): string {
  const lines = [`review ${name}: ${command.summary}`, '', 'Usage:', `  ${usageLine(name, command)}`, ''];
  if (command.positional) lines.push(`  ${command.positional.name}  ${command.positional.help}`, '');
  lines.push('Options:', ...optionLines([...command.options, ...COMMON]), '', EXIT_CODES);
  return lines.join('\n') + '\n';
}

/** The overall help: every command's usage line and what it does. */
export function generalHelp(commands: Readonly<Record<string, CommandSpec>>): string {
  const names = Object.keys(commands);
  const width = maxOf(names.map((n) => n.length)) + 2;
  const lines = ['review: keeps a literature review true to its evidence', '', 'Usage:'];
  for (const name of names) lines.push(`  ${usageLine(name, commands[name] as CommandSpec)}`);
  lines.push('  review --help | --version', '', 'Commands:');
  for (const name of names) lines.push(`  ${name.padEnd(width)}${(commands[name] as CommandSpec).summary}`);
  lines.push('', 'Options of every command:', ...optionLines(COMMON), '', 'review CMD --help shows the options of one command.', EXIT_CODES);
  return lines.join('\n') + '\n';
}
