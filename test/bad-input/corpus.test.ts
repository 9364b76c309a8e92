// Runs every broken input of test/fixtures/bad (and the generated large, binary and adversarial ones) through the CLI and checks exit code, located diagnostics and output hygiene.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.ts';
import { checkRecords } from '../../pipeline/run.ts';
import { parseManuscript } from '../../pipeline/citations/manuscript.ts';
import type { RecordCounts, Severity } from '../../pipeline/diagnostic.ts';
import { timeOf } from '../properties/support.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'bad');
const scratch = mkdtempSync(join(tmpdir(), 'review-bad-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A diagnostic as a case states it: where it is and which rule found it. */
interface ExpectedDiagnostic {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity?: Severity;
}

/** The contents of a case's expected.json. */
interface CaseExpectation {
  description: string;
  /** The case describes correct behaviour the code does not have yet: it runs as `it.fails` until fixed. */
  knownBug?: string;
  /** Arguments after `review`; the working directory is (a copy of) the case folder. */
  command: string[];
  exit: number;
  /** The exact located diagnostics, in report order (required for exit 0 and 1). */
  diagnostics?: ExpectedDiagnostic[];
  /** Info diagnostics not listed are tolerated (warnings and errors never are). */
  allowExtraInfo?: boolean;
  records?: RecordCounts;
  /** Text stderr must hold; a list means every item. */
  stderrContains?: string | string[];
  /** Any one of these suffices (where several places are equally right, e.g. an unclosed block). */
  stderrContainsAnyOf?: string[];
  /** A regular expression (source text) stderr must match. */
  stderrMatches?: string;
  /** Paths (relative to the case folder) the command must not create. */
  noFiles?: string[];
  /** Paths (relative to the case folder) the case holds that must still be there, as they were, after the command. */
  keeps?: string[];
}

interface JsonDiagnostic {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
}

interface JsonReport {
  version: number;
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number; records: RecordCounts };
}

// Line breaks a terminal, an editor or a log viewer honours; a one-line message holds none of them.
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const STACK_FRAME = /^\s{4}at /m;

function loadCases(): { name: string; dir: string; expected: CaseExpectation }[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(CORPUS, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as CaseExpectation;
      return { name, dir, expected };
    });
}

/** Copies a case to a fresh folder, so that nothing a command writes lands in the repository. */
function copyCase(name: string, dir: string): string {
  const target = join(scratch, name);
  rmSync(target, { recursive: true, force: true });
  cpSync(dir, target, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
  return target;
}

/** Writes generated files into a fresh case folder. */
function writeCase(name: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  const target = join(scratch, name);
  rmSync(target, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(target, path, '..'), { recursive: true });
    writeFileSync(join(target, path), content);
  }
  return target;
}

function project(d: JsonDiagnostic, withSeverity: boolean): ExpectedDiagnostic {
  const out: ExpectedDiagnostic = { ruleId: d.ruleId, file: d.file, line: d.line, column: d.column };
  if (withSeverity) out.severity = d.severity;
  return out;
}

function compareReportOrder(a: JsonDiagnostic, b: JsonDiagnostic): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return text(a.file, b.file) || a.line - b.line || a.column - b.column || text(a.ruleId, b.ruleId);
}

/** What must hold of every run, whatever the input: no crash leaks out, and the report is well-formed. */
function expectHygiene(run: CliRun, command: readonly string[]): JsonReport | undefined {
  expect(run.stderr, 'a stack trace reached stderr').not.toMatch(STACK_FRAME);
  expect(run.stdout, 'a stack trace reached stdout').not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toContain('internal error');
  expect([0, 1, 2]).toContain(run.code);
  if (run.code === 2) {
    // An operational failure prints one message (and perhaps one hint), and no half report.
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^review: /);
    expect(run.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
    return undefined;
  }
  const format = command[command.indexOf('--format') + 1];
  if (!command.includes('--format') || format !== 'json') return undefined;
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${run.stdout.slice(0, 500)}`);
  }
  expect(report.version).toBe(1);
  for (const d of report.diagnostics) {
    const where = `${d.ruleId} at ${d.file}:${d.line}:${d.column}`;
    expect(d.file, where).toMatch(/^[^\\]+$/);
    expect(Number.isInteger(d.line) && d.line >= 1, `${where}: line`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, `${where}: column`).toBe(true);
    expect(d.message.trim(), `${where}: empty message`).not.toBe('');
    expect(LINE_BREAK.test(d.message), `${where}: message is not one line: ${JSON.stringify(d.message.slice(0, 200))}`).toBe(false);
    expect(d.message, `${where}: trailing period`).not.toMatch(/\.\s*$/);
  }
  expect([...report.diagnostics].sort(compareReportOrder)).toEqual(report.diagnostics);
  const { errors, warnings, infos, records } = report.summary;
  expect(errors).toBe(report.diagnostics.filter((d) => d.severity === 'error').length);
  expect(warnings).toBe(report.diagnostics.filter((d) => d.severity === 'warning').length);
  expect(infos).toBe(report.diagnostics.filter((d) => d.severity === 'info').length);
  expect(records.read, 'every row read is accepted or rejected').toBe(records.accepted + records.rejected);
  return report;
}

async function runAndCheck(name: string, cwd: string, expected: CaseExpectation): Promise<void> {
  const run = await runCli(expected.command, { cwd });
  const report = expectHygiene(run, expected.command);
  expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(expected.exit);
  for (const text of [expected.stderrContains ?? []].flat()) expect(run.stderr).toContain(text);
  if (expected.stderrMatches !== undefined) expect(run.stderr).toMatch(new RegExp(expected.stderrMatches));
  if (expected.stderrContainsAnyOf !== undefined) {
    expect(expected.stderrContainsAnyOf.some((text) => run.stderr.includes(text)), `stderr: ${run.stderr}`).toBe(true);
  }
  for (const path of expected.noFiles ?? []) expect(existsSync(join(cwd, path)), `${name} created ${path}`).toBe(false);
  for (const path of expected.keeps ?? []) expect(readFileSync(join(cwd, path)), `${name} changed or removed ${path}`).toEqual(readFileSync(join(CORPUS, name, path)));
  if (expected.diagnostics !== undefined) {
    if (report === undefined) throw new Error(`${name}: diagnostics are stated, but the command gave no JSON report`);
    const withSeverity = expected.diagnostics.some((d) => d.severity !== undefined);
    const listed = new Set(expected.diagnostics.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`));
    const actual = report.diagnostics
      .filter((d) => !(expected.allowExtraInfo && d.severity === 'info' && !listed.has(`${d.ruleId} ${d.file}:${d.line}:${d.column}`)))
      .map((d) => project(d, withSeverity));
    expect(actual).toEqual(expected.diagnostics);
  }
  if (expected.records !== undefined) expect(report?.summary.records).toEqual(expected.records);
}

describe('test/fixtures/bad: every broken input gives its exact diagnostics and never a crash', () => {
  const cases = loadCases();

  it('has at least 40 cases, each with a description and exact expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const { name, expected } of cases) {
      expect(expected.description, name).toBeTruthy();
      const reportsJson = expected.command.join(' ').includes('--format json') && expected.exit !== 2;
      const stated = reportsJson ? expected.diagnostics !== undefined : expected.stderrContains !== undefined || expected.stderrContainsAnyOf !== undefined || expected.stderrMatches !== undefined;
      expect(stated, `${name} states neither its diagnostics nor its message`).toBe(true);
    }
  });

  for (const { name, dir, expected } of cases) {
    const title = `${name}: ${expected.description}`;
    const test = async () => runAndCheck(name, copyCase(name, dir), expected);
    // A known bug is written as the behaviour it should have; `it.fails` turns red once the fix lands.
    if (expected.knownBug !== undefined) it.fails(`${title} [known bug: ${expected.knownBug}]`, test);
    else it(title, test);
  }
});

// ---------------------------------------------------------------- generated cases (large or binary)

const REFERENCES = 'id,status,doi\nsmith2020,verified,10.1000/smith.2020\n';
const STUDIES = 'id,reference_id,disease,design,n_enrolled\ns1,smith2020,RA,rct,25\n';
const OUTCOMES_HEADER = 'study_id,outcome,measure,count,denominator,percent,note';
const CHECK = ['check', '--records', 'records', '--format', 'json'];
const O = 'records/outcomes.csv';

function recordsWithOutcomes(outcomes: string | Uint8Array): Record<string, string | Uint8Array> {
  return { 'records/references.csv': REFERENCES, 'records/studies.csv': STUDIES, 'records/outcomes.csv': outcomes };
}

/** 10 MB (not MiB): under the reader's 10 MiB limit on one record. */
const TEN_MB = 10_000_000;

const bytesOf = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));

// A 1×1 PNG and a gzip of a two-line CSV, as fixed bytes, so that the cases never depend on an encoder's version.
const PNG_1X1 = bytesOf(`
  89504e470d0a1a0a0000000d4948445200000001000000010806000000
  1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082`);
const GZIP_OF_CSV = bytesOf('1f8b08000000000000032b2e294da98ccf4cd1c92f2d49cecf4de52a36d4492b4be602002ec20ac518000000');

describe('generated broken inputs', () => {
  it('a PNG image renamed outcomes.csv: missing columns, undecodable bytes and the NUL located; no row lost', async () => {
    const cwd = writeCase('png-as-csv', recordsWithOutcomes(PNG_1X1));
    await runAndCheck('png-as-csv', cwd, {
      description: 'PNG renamed .csv',
      command: CHECK,
      exit: 1,
      diagnostics: [
        { ruleId: 'record/encoding', file: O, line: 1, column: 1 },
        { ruleId: 'record/missing-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/missing-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/missing-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/unknown-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/csv-syntax', file: O, line: 3, column: 1 },
        { ruleId: 'record/encoding', file: O, line: 5, column: 6 },
        { ruleId: 'record/encoding', file: O, line: 5, column: 15 },
        { ruleId: 'record/encoding', file: O, line: 5, column: 26 },
        { ruleId: 'record/encoding', file: O, line: 5, column: 29 },
      ],
      // Lines 2–5 of the image are data rows without the required columns: read and rejected.
      records: { read: 6, accepted: 2, rejected: 4 },
    });
  });

  it('a gzip file renamed outcomes.csv: reported as broken CSV, not decoded as text silently', async () => {
    const cwd = writeCase('gzip-as-csv', recordsWithOutcomes(GZIP_OF_CSV));
    await runAndCheck('gzip-as-csv', cwd, {
      description: 'gzip renamed .csv',
      command: CHECK,
      exit: 1,
      diagnostics: [
        { ruleId: 'record/missing-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/missing-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/missing-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/unknown-column', file: O, line: 1, column: 1 },
        { ruleId: 'record/encoding', file: O, line: 1, column: 2 },
        { ruleId: 'record/csv-syntax', file: O, line: 1, column: 4 },
        { ruleId: 'record/encoding', file: O, line: 1, column: 15 },
        { ruleId: 'record/encoding', file: O, line: 1, column: 19 },
        { ruleId: 'record/encoding', file: O, line: 1, column: 24 },
        { ruleId: 'record/encoding', file: O, line: 1, column: 27 },
      ],
      records: { read: 3, accepted: 2, rejected: 1 },
    });
  });

  it('a 10 MB quoted cell with commas, doubled quotes and line breaks: read in one piece, later lines still placed right', async () => {
    const piece = 'lorem, "ipsum" dolor\n';
    const repeats = Math.floor(TEN_MB / piece.length / 1.1);
    const cell = `"${piece.repeat(repeats).replace(/"/g, '""')}"`;
    const text = `${OUTCOMES_HEADER}\ns1,fvc,count,14,25,56,${cell}\ns1,fvc,count,14,25,56,ok\ns1,fvc,count,14,25,50,ok\n`;
    const cwd = writeCase('ten-megabyte-cell', recordsWithOutcomes(text));
    const started = performance.now();
    await runAndCheck('ten-megabyte-cell', cwd, {
      description: '10 MB cell',
      command: CHECK,
      exit: 1,
      diagnostics: [{ ruleId: 'consistency/percentage', file: O, line: 4 + repeats, column: 20 }],
      records: { read: 5, accepted: 5, rejected: 0 },
    });
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('a 10 MB number in percent is rejected with a message of bounded length', async () => {
    const cwd = writeCase('ten-megabyte-number', recordsWithOutcomes(`${OUTCOMES_HEADER}\ns1,fvc,count,14,25,${'1'.repeat(TEN_MB)},\n`));
    const run = await runCli(CHECK, { cwd });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.diagnostics.map((d) => project(d, false))).toEqual([{ ruleId: 'record/invalid-value', file: O, line: 2, column: 20 }]);
    // A report line of 10 MB is unreadable and GitHub drops annotations that long.
    expect(report.diagnostics[0]?.message.length).toBeLessThan(1000);
  });

  it('150 stray quotes then 50 good rows: all 200 rows are accounted for', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `s1,fv"c${i},count,14,25,56,`);
    const good = Array.from({ length: 50 }, () => 's1,fvc,count,14,25,56,');
    const cwd = writeCase('too-many-syntax-errors', recordsWithOutcomes(`${OUTCOMES_HEADER}\n${[...bad, ...good].join('\n')}\n`));
    const run = await runCli(CHECK, { cwd });
    const report = expectHygiene(run, CHECK);
    expect(run.code).toBe(1);
    // Reading stops after the 100th: what was not read is still counted (as rejected), so that read is the file's 200 rows.
    expect(report?.summary.records).toEqual({ read: 2 + 200, accepted: 2, rejected: 200 });
    const syntax = report?.diagnostics.filter((d) => d.ruleId === 'record/csv-syntax') ?? [];
    expect(syntax).toHaveLength(101);
    expect(syntax.at(-1)).toMatchObject({ file: O, line: 102, column: 1, message: 'reading stopped after 100 syntax errors: the 100 non-blank lines from here on were not read, and count as rejected rows' });
  });
});

// ---------------------------------------------------------------- payloads in other report formats

describe('payloads in cells never reach a terminal, a log or a page as markup', () => {
  const payloadCase = join(CORPUS, 'pay-injection-in-cells');
  // C0 controls other than LF, and DEL: ESC sequences recolour or clear a terminal and GitHub's log viewer.
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

  it('stylish output holds no control characters from cells', async () => {
    const run = await runCli(['check', '--records', 'records'], { cwd: copyCase('pay-stylish', payloadCase) });
    expectHygiene(run, ['check']);
    expect(run.stdout).toContain('record/unknown-term');
    expect(CONTROL.test(run.stdout), JSON.stringify(run.stdout.match(CONTROL)?.[0])).toBe(false);
  });

  it('github output: one workflow command per line, no control characters from cells', async () => {
    const run = await runCli(['check', '--records', 'records', '--format', 'github'], { cwd: copyCase('pay-github', payloadCase) });
    expectHygiene(run, ['check']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((line) => /^::(error|warning|notice) file=/.test(line))).toBe(true);
    expect(CONTROL.test(run.stdout)).toBe(false);
  });

  it('github output: a workflow command written in a cell cannot start a line of its own', async () => {
    const run = await runCli(['check', '--records', 'records', '--format', 'github'], { cwd: copyCase('pay-github-lines', payloadCase) });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.filter((line) => line.startsWith('::')).map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::warning', '::warning', '::warning', '::warning']);
  });

  it('the GitHub step summary shows HTML from a cell as text', async () => {
    const cwd = copyCase('pay-summary', payloadCase);
    const summary = join(cwd, 'step-summary.md');
    await runCli(['check', '--records', 'records', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('example.invalid');
    expect(markdown).not.toMatch(/<img/i);
    expect(CONTROL.test(markdown)).toBe(false);
  });

  it('sarif output is one JSON document with one result per finding', async () => {
    const run = await runCli(['check', '--records', 'records', '--format', 'sarif'], { cwd: copyCase('pay-sarif', payloadCase) });
    const log = JSON.parse(run.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results).toHaveLength(4);
  });
});

// ---------------------------------------------------------------- inputs built to make a regular expression backtrack


/**
 * Grows an input until it reaches `maxSize` or takes longer than `budget` ms. Sizes grow by a
 * quarter, so a quadratic or cubic path fails soon after it first costs more than the budget, and
 * the test never hangs however slow the code is.
 */
function expectLinearEnough(name: string, build: (size: number) => () => void, budget: number, maxSize: number): void {
  for (let size = 500; size <= maxSize; size = Math.ceil(size * 1.26)) {
    const took = timeOf(build(size), budget, 2);
    expect(took, `${name}: ${size} characters took ${took.toFixed(0)} ms (budget ${budget} ms)`).toBeLessThan(budget);
  }
}

/** One record file set with one adversarial cell; `table` names the file the cell goes in. */
function adversarialRecords(table: 'references' | 'studies' | 'outcomes', column: string, cell: string) {
  const encode = (text: string) => new TextEncoder().encode(text);
  const quoted = `"${cell.replace(/"/g, '""')}"`;
  const texts = {
    references: 'id,status,doi\nsmith2020,verified,10.1000/smith.2020\n',
    studies: 'id,reference_id,disease,design\ns1,smith2020,RA,rct\n',
    outcomes: 'study_id,outcome,measure\ns1,fvc,count\n',
  };
  const [header = '', row = ''] = texts[table].split('\n');
  texts[table] = `${header},${column}\n${row},${quoted}\n`;
  return {
    tables: {
      references: { path: 'records/references.csv', bytes: encode(texts.references) },
      studies: { path: 'records/studies.csv', bytes: encode(texts.studies) },
      outcomes: { path: 'records/outcomes.csv', bytes: encode(texts.outcomes) },
    },
  };
}

// Each cell shape made one parser's regular expressions backtrack (see test/properties/parsers.property.test.ts).
const ADVERSARIAL_CELLS: { table: 'references' | 'studies' | 'outcomes'; column: string; cell: (size: number) => string }[] = [
  { table: 'studies', column: 'registration', cell: (n) => `EudraCT${' '.repeat(n)}x` },
  { table: 'outcomes', column: 'percent', cell: (n) => `1${' '.repeat(n)}x` },
  { table: 'outcomes', column: 'reported', cell: (n) => `1${' '.repeat(n)}1x` },
  { table: 'references', column: 'authors', cell: (n) => `A${' '.repeat(n)}b` },
  { table: 'outcomes', column: 'timepoint', cell: (n) => `1${' '.repeat(n)}x` },
  { table: 'studies', column: 'follow_up', cell: (n) => `1${' '.repeat(n)}x` },
  { table: 'references', column: 'doi', cell: (n) => `${'.'.repeat(n)}x` },
];

describe('no cell or manuscript makes the check hang', () => {
  it('a cell of up to 64k characters shaped to make a regular expression backtrack is checked within 0.5 s, in every column', () => {
    checkRecords(adversarialRecords('outcomes', 'note', 'warm-up'));
    for (const { table, column, cell } of ADVERSARIAL_CELLS) {
      expectLinearEnough(`${table}.${column}`, (size) => () => void checkRecords(adversarialRecords(table, column, cell(size)), { keepOutcomes: false }), 500, 64_000);
    }
  });

  it('a free-text cell of 64k characters (note) is checked within 0.5 s', () => {
    checkRecords(adversarialRecords('outcomes', 'note', 'warm-up'));
    expectLinearEnough('outcomes.note', (size) => () => void checkRecords(adversarialRecords('outcomes', 'note', `1${' '.repeat(size)}x`)), 500, 64_000);
  });

  it('a manuscript with a long unclosed bracket of digits is read within 1 s', () => {
    expectLinearEnough('[ + digits', (size) => () => void parseManuscript(`See [${'1'.repeat(size)}`, 'manuscript.md'), 1000, 200_000);
  });

  it('a 512 KB manuscript of credited sentences is read within 1 s', () => {
    const sentence = '，王小明等研究 ';
    expectLinearEnough('王小明等研究 … [1]', (size) => () => void parseManuscript(`${sentence.repeat(size / sentence.length)}[1]`, 'manuscript.md'), 1000, 512_000);
  });
});
