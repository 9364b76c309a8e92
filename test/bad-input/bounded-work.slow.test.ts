// The big reproductions of issue 10 (items 4, 5, 8): millions of findings, syntax errors by the megabyte, 100k columns; each within generous time and memory bounds.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRecords, type RecordsInput } from '../../pipeline/run.ts';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'review.js');
const scratch = mkdtempSync(join(tmpdir(), 'review-bounded-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const encode = (text: string) => new TextEncoder().encode(text);

/** references and studies with one good row each, and the outcomes given. */
function records(outcomes: string): RecordsInput {
  return {
    tables: {
      references: { path: 'records/references.csv', bytes: encode('id,status,doi\nsmith2020,verified,10.1000/smith.2020\n') },
      studies: { path: 'records/studies.csv', bytes: encode('id,reference_id,disease,design\ns1,smith2020,RA,rct\n') },
      outcomes: { path: 'records/outcomes.csv', bytes: encode(outcomes) },
    },
  };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('syntax errors by the megabyte (item 8: recovery was quadratic, 67 s for 1 MB)', () => {
  it.each([1, 2])('%i MB of a"b lines checks in < 10 s, with 100 errors listed and every line counted', (megabytes) => {
    const lines = (megabytes * 1_000_000) / 4;
    const { value, ms } = timed(() => checkRecords(records(`study_id,outcome,measure\n${'a"b\n'.repeat(lines)}`), { keepOutcomes: false }));
    expect(ms).toBeLessThan(10_000);
    const syntax = value.result.diagnostics.filter((d) => d.ruleId === 'record/csv-syntax');
    expect(syntax).toHaveLength(101);
    expect(syntax.at(-1)?.message).toBe(`reading stopped after 100 syntax errors: the ${lines - 100} non-blank lines from here on were not read, and count as rejected rows`);
    expect(value.result.summary.records).toEqual({ read: lines + 2, accepted: 2, rejected: lines });
  }, 60_000);
});

describe('a header of 100,000 columns (item 8: 11 s, cell(i) summed the widths from column 0)', () => {
  it.each([
    ['unquoted', (name: string) => name],
    ['quoted', (name: string) => `"${name}"`],
  ])('%s: checked in < 10 s, the unknown columns capped at 1,000 and one closing finding', (_, write) => {
    const names = Array.from({ length: 100_000 }, (_, i) => write(`extra${i}`));
    const text = `study_id,outcome,measure,${names.join(',')}\ns1,fvc,count${','.repeat(names.length)}\n`;
    const { value, ms } = timed(() => checkRecords(records(text), { keepOutcomes: false }));
    expect(ms).toBeLessThan(10_000);
    const unknown = value.result.diagnostics.filter((d) => d.ruleId === 'record/unknown-column');
    expect(unknown).toHaveLength(1001);
    // The last listed one sits where its name is written.
    const last = unknown[999];
    expect(text.slice((last?.column ?? 0) - 1).startsWith(write('extra999'))).toBe(true);
    expect(unknown[1000]?.message).toBe('and 99000 more findings of record/unknown-column in this file, not listed (a report lists the first 1000 of each rule in each file)');
  }, 60_000);
});

describe('millions of findings (item 4: 4M ragged rows ran out of heap after 4.5 minutes)', () => {
  /** A folder of records with `rows` ragged outcome rows, and the CLI run there in a 160 MB heap. */
  async function raggedRun(name: string, rows: number, args: string[], table = 'outcomes'): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const dir = join(scratch, name);
    mkdirSync(join(dir, 'records'), { recursive: true });
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'review.hbs'), '<p>A review.</p>\n');
    const ragged = 'a\n'.repeat(rows);
    const input = records(table === 'outcomes' ? `study_id,outcome,measure\n${ragged}` : 'study_id,outcome,measure\ns1,fvc,count\n');
    for (const file of Object.values(input.tables)) writeFileSync(join(dir, file.path), file.bytes as Uint8Array);
    if (table === 'vocabulary') writeFileSync(join(dir, 'records', 'vocabulary.csv'), `kind,term,aliases\n${ragged}`);
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--max-old-space-size=160', bin, ...args], { cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('4M ragged rows (8 MB) check in a 160 MB heap, in < 3 minutes, with 1,000 findings per rule and a count of the rest', async () => {
    const started = performance.now();
    const run = await raggedRun('ragged-check', 4_000_000, ['check', '--format', 'json']);
    expect(performance.now() - started).toBeLessThan(180_000);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string }[]; summary: { records: unknown } };
    expect(report.summary.records).toEqual({ read: 4_000_002, accepted: 2, rejected: 4_000_000 });
    const closing = report.diagnostics.filter((d) => d.message.startsWith('and '));
    expect(closing.map((d) => d.message)).toEqual([
      'and 3999000 more findings of record/csv-syntax in this file, not listed (a report lists the first 1000 of each rule in each file)',
      'and 3999000 more findings of record/dangling-link in this file, not listed (a report lists the first 1000 of each rule in each file)',
    ]);
    // 1,000 + 1 of each of the two rules, and reference/uncited (the template cites nothing).
    expect(report.diagnostics).toHaveLength(2003);
  }, 240_000);

  it('2M ragged rows in vocabulary.csv (read before the rules exist) check in a 160 MB heap', async () => {
    const run = await raggedRun('ragged-vocabulary', 2_000_000, ['check'], 'vocabulary');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('and 1999000 more findings of record/csv-syntax in this file');
    expect(run.stdout).toContain('records: 2000003 read, 3 accepted, 2000000 rejected');
  }, 120_000);

  it('a build of 1M ragged rows stops in a 160 MB heap (rejected rows are not kept for rendering)', async () => {
    const run = await raggedRun('ragged-build', 1_000_000, ['build', '--only', 'html']);
    expect(run.stderr).toBe('review: build stopped: the check found errors; nothing was written\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('records: 1000002 read, 2 accepted, 1000000 rejected');
  }, 120_000);

  it('cite-check of a manuscript with 1M malformed citations prints a stylish report (item 5: "Maximum call stack size exceeded")', async () => {
    const dir = join(scratch, 'citations');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manuscript.md'), `${'Text [1,,2]. '.repeat(1_000_000)}\n\n## References\n\n[1] Smith J. A trial. J. 2020.\n[2] Lee K. A cohort. J. 2021.\n`);
    const started = performance.now();
    const run = await runCli(['cite-check', 'manuscript.md'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('and 999000 more findings of citation/malformed in this file');
    expect(run.stdout).toContain('✖ 1000000 problems (1000000 errors, 0 warnings)');
  }, 120_000);
});
