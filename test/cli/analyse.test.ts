// End-to-end tests of `review analyse` on the BCG example, the shipped review (no analyses) and edited copies.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-analyse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface AnalysisJson {
  id: string; k: number; estimate: number; ciLow: number; ciHigh: number; se: number; tau2: number; i2: number; q: number; pQ: number;
  predictionLow?: number; predictionHigh?: number;
  studies: { id: string; label: string; estimate: number; ciLow: number; ciHigh: number; weight: number }[];
  notEstimable: { id: string; reason: string }[];
  subgroups?: { value: string; k: number; estimate: number }[];
  subgroupTest?: { q: number; df: number; p: number };
}
interface Report { version: number; analyses: AnalysisJson[]; diagnostics: unknown[]; summary: { errors: number } }

const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/metafor/expected.json'), 'utf8')) as {
  cases: { name: string; expected: { estimate: number; ciLow: number; ciHigh: number; tau2: number; weights: number[]; predictionLow: number; subgroupTest: { q: number; p: number } } }[];
};

async function analyseJson(records: string, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const run = await runCli(['analyse', '--records', records, '--format', 'json', ...args], { cwd: root });
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
}

describe('review analyse on examples/bcg', () => {
  it('gives metafor\'s REML risk ratio, weights, prediction interval and subgroup test', async () => {
    const { code, report } = await analyseJson('examples/bcg/records');
    expect(code).toBe(0);
    expect(report.version).toBe(1);
    expect(report.analyses.map((a) => a.id)).toEqual(['bcg-rr', 'bcg-rr-dl-hksj', 'bcg-or-mh']);
    const rr = report.analyses[0]!;
    const expected = fixture.cases.find((c) => c.name === 'dat.bcg RR REML')!.expected;
    expect(rr.k).toBe(13);
    close(rr.estimate, Math.exp(expected.estimate));
    close(rr.ciLow, Math.exp(expected.ciLow));
    close(rr.ciHigh, Math.exp(expected.ciHigh));
    close(rr.tau2, expected.tau2);
    close(rr.predictionLow!, Math.exp(expected.predictionLow));
    rr.studies.forEach((s, i) => close(s.weight, expected.weights[i]!));
    expect(rr.studies.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(100, 10);
    expect(rr.studies[0]).toMatchObject({ id: 'aronson1948', label: 'Aronson 1948' });
    expect(rr.subgroups?.map((g) => [g.value, g.k])).toEqual([['rct', 7], ['alternate-allocation', 2], ['systematic-allocation', 4]]);
    close(rr.subgroupTest!.q, expected.subgroupTest.q);
    close(rr.subgroupTest!.p, expected.subgroupTest.p);
  });

  it('has the keys of the design brief', async () => {
    const { report } = await analyseJson('examples/bcg/records');
    const keys = Object.keys(report.analyses[0]!);
    for (const key of ['id', 'title', 'measure', 'model', 'method', 'ci', 'k', 'estimate', 'ciLow', 'ciHigh', 'se', 'z', 'p', 'tau2', 'i2', 'q', 'df', 'pQ',
      'predictionLow', 'predictionHigh', 'studies', 'notEstimable', 'subgroups', 'subgroupTest']) expect(keys).toContain(key);
    expect(Object.keys(report)).toEqual(['version', 'analyses', 'diagnostics', 'summary']);
  });

  it('--only picks one analysis; an unknown id is a usage error', async () => {
    const { report } = await analyseJson('examples/bcg/records', '--only', 'bcg-or-mh');
    expect(report.analyses.map((a) => a.id)).toEqual(['bcg-or-mh']);
    const unknown = await runCli(['analyse', '--records', 'examples/bcg/records', '--only', 'nope'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no analysis 'nope' in analyses.csv; there are bcg-rr, bcg-rr-dl-hksj, bcg-or-mh");
  });

  it('prints a table for people', async () => {
    const run = await runCli(['analyse', '--records', 'examples/bcg/records', '--only', 'bcg-rr'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Aronson 1948');
    expect(run.stdout).toContain('Total (k = 13, 357347 participants)   0.49 [0.34 to 0.70]  100.0%');
    expect(run.stdout).toMatch(/Heterogeneity: Tau² = 0\.31 \(95% CI 0\.1\d to 1\.\d\d\); Chi² = 152\.23, df = 12 \(P < 0\.00001\); I² = 92%/);
    expect(run.stdout).toContain('Test for subgroup differences: Chi² = ');
  });

  it('moves the pooled estimate when a trial is added', async () => {
    const dir = join(scratch, 'added');
    cpSync(join(root, 'examples/bcg/records'), dir, { recursive: true });
    const before = (await analyseJson(dir, '--only', 'bcg-rr')).report.analyses[0]!;
    // A made-up trial (no such study exists), with a strong effect.
    appendFileSync(join(dir, 'references.csv'), 'madeup2000,,Nobody,,,2000,,,,,en,unverified,made-up for a test\n');
    appendFileSync(join(dir, 'studies.csv'), 'madeup2000,madeup2000,TB,rct,2000,,BCG vaccine,no vaccine,made-up for a test\n');
    appendFileSync(join(dir, 'outcomes.csv'), 'madeup2000,tb,count,BCG,2,1000,made-up\nmadeup2000,tb,count,control,40,1000,made-up\n');
    const after = (await analyseJson(dir, '--only', 'bcg-rr')).report.analyses[0]!;
    expect(after.k).toBe(14);
    expect(after.estimate).toBeLessThan(before.estimate);
    expect(after.studies.at(-1)).toMatchObject({ id: 'madeup2000', label: 'Nobody 2000' });
  });

  it('lists a study without usable numbers as not estimable', async () => {
    const dir = join(scratch, 'unusable');
    cpSync(join(root, 'examples/bcg/records'), dir, { recursive: true });
    appendFileSync(join(dir, 'studies.csv'), 'halfdone,colditz1994,TB,rct,,,,,made-up for a test\n');
    appendFileSync(join(dir, 'outcomes.csv'), 'halfdone,tb,count,BCG,3,,made-up\nhalfdone,tb,count,control,9,200,made-up\n');
    const { report } = await analyseJson(dir, '--only', 'bcg-rr');
    expect(report.analyses[0]!.k).toBe(13);
    expect(report.analyses[0]!.notEstimable).toEqual([{ id: 'halfdone', reason: 'arm BCG has events but no denominator or n' }]);
  });
});

describe('review analyse without analyses.csv', () => {
  it('says so, and reports the check as review check does', async () => {
    const run = await runCli(['analyse'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no analyses (records/analyses.csv is absent or empty)');
    const { report } = await analyseJson('records');
    expect(report.analyses).toEqual([]);
    // An empty templates folder: the records alone (a --templates folder that does not exist is a usage error).
    const noTemplates = mkdtempSync(join(tmpdir(), 'review-no-templates-'));
    const check = JSON.parse((await runCli(['check', '--format', 'json', '--templates', noTemplates], { cwd: root })).stdout) as Report;
    rmSync(noTemplates, { recursive: true, force: true });
    expect(report.diagnostics).toEqual(check.diagnostics);
  });

  it('refuses a format it does not print', async () => {
    const run = await runCli(['analyse', '--format', 'sarif'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format must be one of stylish, json, not 'sarif'");
  });
});
