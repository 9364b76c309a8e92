// End-to-end tests of `review check` on the shipped records, on re-encoded copies and on broken input.
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonReport {
  version: number;
  diagnostics: { ruleId: string; severity: string; file: string; line: number; column: number; message: string }[];
  summary: { errors: number; warnings: number; infos: number; records: { read: number; accepted: number; rejected: number } };
}

async function checkJson(cwd: string, ...args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await runCli(['check', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

/** A fresh copy of the shipped records in a temporary folder, optionally transformed file by file. */
function copyRecords(name: string, transform?: (text: string) => Buffer): string {
  const dir = join(scratch, name);
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  if (transform) {
    for (const file of readdirSync(join(dir, 'records')).filter((f) => f.endsWith('.csv'))) {
      const path = join(dir, 'records', file);
      writeFileSync(path, transform(readFileSync(path, 'utf8')));
    }
  }
  return dir;
}

describe('review check on the shipped records', () => {
  it('exits 0 with no errors and accounts for every row', async () => {
    const { code, report } = await checkJson(root);
    expect(report.version).toBe(1);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    const { read, accepted, rejected } = report.summary.records;
    expect(read).toBe(47 + 10 + 38);
    expect(accepted + rejected).toBe(read);
  });

  it('warns about every unverified or unresolved reference', async () => {
    const { report } = await checkJson(root);
    const flagged = report.diagnostics.filter((d) => d.ruleId === 'reference/unverified').map((d) => d.line);
    const lines = readFileSync(join(root, 'records', 'references.csv'), 'utf8').trimEnd().split('\n');
    const expected = lines.flatMap((line, i) => (/,(unverified|unresolved),/.test(line) ? [i + 1] : []));
    expect(expected.length).toBeGreaterThan(30);
    expect(flagged).toEqual(expected);
  });
});

describe('review check on re-encoded records', () => {
  it('gives the same diagnostics for a GB18030 + CRLF copy, plus record/encoding', async () => {
    const utf8Dir = copyRecords('utf8');
    const gbDir = copyRecords('gb18030', (text) => iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030'));
    const plain = await checkJson(utf8Dir);
    const gb = await checkJson(gbDir);
    const encodingFindings = gb.report.diagnostics.filter((d) => d.ruleId === 'record/encoding');
    expect(encodingFindings.map((d) => d.file).sort()).toEqual(['records/outcomes.csv', 'records/references.csv', 'records/studies.csv']);
    expect(gb.report.diagnostics.filter((d) => d.ruleId !== 'record/encoding')).toEqual(plain.report.diagnostics);
    expect(gb.report.summary.records).toEqual(plain.report.summary.records);
  });

  it('reads a UTF-16LE copy with BOM', async () => {
    const dir = copyRecords('utf16', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { report } = await checkJson(dir);
    expect(report.summary.records.read).toBe(95);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('review check on broken input', () => {
  it('locates an unclosed quote, a ragged row, a misspelt header, a word for a number and a dangling id; exits 1', async () => {
    const dir = copyRecords('broken');
    const studies = join(dir, 'records', 'studies.csv');
    const lines = readFileSync(studies, 'utf8').split('\n');
    lines[0] = lines[0]!.replace('n_enrolled', 'n_enroled');
    const misspeltColumn = lines[0].indexOf('n_enroled') + 1;
    writeFileSync(studies, lines.join('\n'));
    const outcomes = join(dir, 'records', 'outcomes.csv');
    writeFileSync(
      outcomes,
      readFileSync(outcomes, 'utf8') +
        'nosuchstudy,fvc,count,TCZ,,,,,,,,,,,,,,\n' +
        'manfredi2020,fvc,count,TCZ,,,,abc,,,,,,,,,,\n' +
        'manfredi2020,fvc,count,TCZ\n' +
        'manfredi2020,fvc,count,TCZ,,,,,,,,,,,,"never closed,,\n',
    );
    const { code, report, stderr } = await checkJson(dir);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const found = report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    expect(found).toEqual([
      'records/outcomes.csv:40:1 record/dangling-link',
      'records/outcomes.csv:41:31 record/invalid-value',
      'records/outcomes.csv:42:24 record/csv-syntax',
      'records/outcomes.csv:43:39 record/csv-syntax',
      `records/studies.csv:1:${misspeltColumn} record/missing-column`,
    ]);
    const header = report.diagnostics.find((d) => d.file === 'records/studies.csv' && d.line === 1);
    // A misspelt known column loses its values: an error that says so, not a warning.
    expect(header).toMatchObject({ ruleId: 'record/missing-column', severity: 'error', column: misspeltColumn, suggestion: 'n_enrolled' });
    expect(header?.message).toContain('its values would be lost');
    const { read, accepted, rejected } = report.summary.records;
    expect(accepted + rejected).toBe(read);
    expect(read).toBe(95 + 4);
  });

  it('exits 2 with a message and no stack trace when the records folder is missing', async () => {
    const run = await runCli(['check', '--records', 'no/such/folder'], { cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('review: folder not found: records folder no/such/folder does not exist\n');
  });

  it('exits 2 on a bad option', async () => {
    const run = await runCli(['check', '--format', 'xml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of stylish, json, github, sarif');
  });

  it('exits 1 when warnings exceed --max-warnings', async () => {
    expect((await runCli(['check', '--max-warnings', '0', '--format', 'json'], { cwd: root })).code).toBe(1);
  });
});
