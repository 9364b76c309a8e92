// End-to-end tests of `review cite-check` on the seed manuscript and on reference lists given separately.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { seedManuscript } from '../fixtures/seed/generate.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-cite-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Report {
  diagnostics: { ruleId: string; severity: string; file: string; line: number; column: number; message: string }[];
}

async function citeCheck(...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const run = await runCli(['cite-check', '--format', 'json', ...args], { cwd: root });
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

describe('review cite-check on the seed review', () => {
  it('the committed fixture is the seed text plus the list generated from records/references.csv', () => {
    expect(seedManuscript()).toBe(readFileSync(join(root, 'test/fixtures/seed/manuscript.txt'), 'utf8'));
  });

  it('finds the numbering in order and the one citation credited to an author who is not the first author', async () => {
    const { code, report } = await citeCheck('test/fixtures/seed/manuscript.txt');
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([
      {
        ruleId: 'citation/author-mismatch',
        severity: 'warning',
        file: 'test/fixtures/seed/manuscript.txt',
        line: 173,
        column: 6,
        endLine: 173,
        endColumn: 10,
        message: '[44] is credited to Shirota, but the first author of reference 44 is Illei G G',
        actual: 'Shirota',
        expected: 'Illei G G',
      },
    ]);
  });

  it('reads the published text without a list, with references.csv giving numbers and authors', async () => {
    const { code, report } = await citeCheck('test/fixtures/seed/review.txt', '--references', 'records/references.csv');
    expect(code).toBe(0);
    const mismatches = report.diagnostics.filter((d) => d.ruleId === 'citation/author-mismatch');
    expect(mismatches.map((d) => `${d.line}:${d.column}`)).toEqual(['173:6']);
  });
});

describe('review cite-check on broken manuscripts', () => {
  it('locates a reversed range, an out-of-range number and an order problem, and exits 1', async () => {
    const path = join(scratch, 'broken.md');
    writeFileSync(path, '# Intro\n\nFirst [1], then [3]; see [2].\nBad [14–12] and [9].\n\n## References\n\n1. Smith J. A.\n2. Lee K. B.\n3. Wang L. C.\n');
    const run = await runCli(['cite-check', path, '--format', 'json'], { cwd: scratch });
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.stdout) as Report).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
    expect(found).toEqual(['3:17 citation/first-appearance-order', '4:5 citation/malformed', '4:17 citation/out-of-range']);
  });

  it('reads the reference list from a RIS file', async () => {
    const manuscript = join(scratch, 'ris.md');
    const ris = join(scratch, 'list.ris');
    writeFileSync(manuscript, 'Jones et al. [1] found it.\n');
    writeFileSync(ris, 'TY  - JOUR\nAU  - Smith, John\nTI  - A trial\nPY  - 2020\nER  - \n');
    const run = await runCli(['cite-check', manuscript, '--references', ris, '--format', 'json'], { cwd: scratch });
    const found = (JSON.parse(run.stdout) as Report).diagnostics.map((d) => d.message);
    expect(found).toEqual(['[1] is credited to Jones, but the first author of reference 1 is Smith, John']);
  });

  it('finds the same work twice in a RIS list given with --references, by its DO field in another case', async () => {
    const manuscript = join(scratch, 'ris-twice.md');
    const ris = join(scratch, 'twice.ris');
    writeFileSync(manuscript, 'Smith et al. [1] and [2] found it.\n');
    writeFileSync(ris, 'TY  - JOUR\nAU  - Smith, John\nTI  - A trial\nPY  - 2020\nDO  - 10.1000/ABC\nER  - \nTY  - JOUR\nAU  - Smith, J\nTI  - A trial\nPY  - 2020\nDO  - 10.1000/abc\nER  - \n');
    const run = await runCli(['cite-check', manuscript, '--references', ris, '--format', 'json'], { cwd: scratch });
    const found = (JSON.parse(run.stdout) as Report).diagnostics.map((d) => `${d.ruleId} ${d.message}`);
    expect(found).toEqual(['reference/duplicate doi 10.1000/abc is also reference [1] (line 1)']);
  });

  it('prints the manuscript counts, not an empty record count', async () => {
    const path = join(scratch, 'counts.md');
    writeFileSync(path, 'Smith 等[1]发现，另见[2]。\n\n参考文献\n\n[1] SMITH J. A trial[J]. Lancet, 2020.\n[2] LEE K. A cohort[J]. BMJ, 2021.\n');
    const run = await runCli(['cite-check', path], { cwd: scratch });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ no problems\n  manuscript: 2 citations, 2 reference entries, 1 author credit\n');
  });

  it('exits 2 when the manuscript does not exist', async () => {
    const run = await runCli(['cite-check', 'nope.md'], { cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('review: file not found: nope.md does not exist\n');
  });
});

