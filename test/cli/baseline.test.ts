// --baseline REF: findings a git revision (or a JSON report) already had are marked, new ones come first; github annotates the new ones only.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-baseline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const dir = join(scratch, 'review');
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, stdio: 'pipe' });

interface Report {
  diagnostics: { ruleId: string; line: number; message: string; baseline?: boolean }[];
}

// A made-up reference row, added in the "pull request": unverified and never cited, so two new warnings.
const NEW_ROW = 'zz-new2026,,article-journal,Test A,A made-up row for this test,Nowhere,2026,,,,,,en,unverified,\n';

beforeAll(() => {
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  appendFileSync(join(dir, 'records', 'references.csv'), NEW_ROW);
});

describe('review check --baseline', () => {
  it('marks what HEAD already had, and puts the new findings first', async () => {
    const run = await runCli(['check', '--baseline', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const { diagnostics } = JSON.parse(run.stdout) as Report;
    const fresh = diagnostics.filter((d) => d.baseline !== true);
    expect(fresh.map((d) => d.ruleId)).toEqual(['reference/uncited', 'reference/unverified']);
    expect(diagnostics.slice(0, 2)).toEqual(fresh);
    expect(diagnostics.length).toBeGreaterThan(40);
    expect(diagnostics.slice(2).every((d) => d.baseline === true)).toBe(true);
  });

  it('takes a JSON report as the baseline too', async () => {
    git('stash', '-q');
    const before = await runCli(['check', '--format', 'json'], { cwd: dir });
    git('stash', 'pop', '-q');
    writeFileSync(join(scratch, 'before.json'), before.stdout);
    const run = await runCli(['check', '--baseline', join(scratch, 'before.json'), '--format', 'json'], { cwd: dir });
    const { diagnostics } = JSON.parse(run.stdout) as Report;
    expect(diagnostics.filter((d) => d.baseline !== true).map((d) => d.ruleId)).toEqual(['reference/uncited', 'reference/unverified']);
  });

  it('github: annotates the two new warnings only, and writes new and standing counts to the step summary', async () => {
    const summary = join(scratch, 'summary.md');
    const run = await runCli(['check', '--baseline', 'HEAD', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(annotations.every((l) => l.startsWith('::warning ') && l.includes('zz-new2026'))).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/\| new \| 0 \| 2 \| 0 \|/);
    expect(text).toMatch(/\| standing \| 0 \| \d+ \| 0 \|/);
  });

  it('a REF that is neither a file nor a revision, or looks like an option, is a usage error', async () => {
    for (const ref of ['no-such-branch', '--output=x', 'HEAD:records']) {
      const run = await runCli(['check', '--baseline', ref], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--baseline '${ref}' is neither a file nor a git revision`);
    }
  });
});

describe('a base whose templates do not parse', () => {
  it('is compared by its records alone: the change that fixes the template is not blocked', async () => {
    const fixed = join(scratch, 'fixed');
    cpSync(join(root, 'records'), join(fixed, 'records'), { recursive: true });
    cpSync(join(root, 'templates'), join(fixed, 'templates'), { recursive: true });
    const main = join(fixed, 'templates', 'review.hbs');
    const good = readFileSync(main, 'utf8');
    writeFileSync(main, `${good}\n{{#if meta.title}}never closed\n`);
    const inFixed = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: fixed, stdio: 'pipe' });
    inFixed('init', '-q');
    inFixed('add', '.');
    inFixed('commit', '-qm', 'broken template');
    writeFileSync(main, good);
    const run = await runCli(['check', '--baseline', 'HEAD', '--format', 'json'], { cwd: fixed });
    expect(run.code, run.stderr).toBe(0);
    const { diagnostics } = JSON.parse(run.stdout) as Report;
    expect(diagnostics.filter((d) => d.baseline === true).map((d) => d.ruleId)).toContain('reference/unverified');
  });
});
