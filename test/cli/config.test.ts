// review.config.json (or --config FILE): rule severities applied by the runner; an unknown rule, key or value is exit 2 naming it.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { parseConfig } from '../../pipeline/cli/config.ts';
import { registry } from '../../pipeline/checks/registry.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ids = Object.keys(registry);

function project(name: string, config?: string): string {
  const dir = join(scratch, name);
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'review.config.json'), config);
  return dir;
}

interface Report {
  diagnostics: { ruleId: string; severity: string }[];
  summary: { warnings: number; infos: number };
}

describe('parseConfig', () => {
  it('takes rule settings and a docs URL', () => {
    expect(parseConfig('{"rules": {"study/possible-overlap": "off", "reference/unverified": "info"}, "docsUrl": "https://example.org/docs/rules"}', 'review.config.json', ids)).toEqual({
      severities: { 'study/possible-overlap': 'off', 'reference/unverified': 'info' },
      docsUrl: 'https://example.org/docs/rules/',
    });
  });

  it.each([
    ['{"rules": {"reference/unverfied": "info"}}', "review.config.json: rules: unknown rule 'reference/unverfied'; did you mean 'reference/unverified'?"],
    ['{"rule": {}}', "review.config.json: unknown key 'rule'; did you mean 'rules'?"],
    ['{"rules": {"reference/unverified": "warn"}}', 'review.config.json: rules.reference/unverified must be off, info, warning, error, not "warn"; did you mean \'warning\'?'],
    ['{"rules": {"reference/unverified": 1}}', 'review.config.json: rules.reference/unverified must be off, info, warning, error, not 1'],
    ['{"docsUrl": "docs/rules/"}', 'review.config.json: docsUrl must be an absolute http(s) URL, not "docs/rules/"'],
    ['{"rules": ', 'review.config.json: not valid JSON'],
    ['{"rules": {"__proto__": "off"}}', "review.config.json: rules: unknown rule '__proto__'"],
    ['{"rules": null}', 'review.config.json: rules must be an object of rule ids and settings (off, info, warning, error), not null'],
    ['[]', 'review.config.json: the file: '],
  ])('%s', (text, message) => {
    expect(() => parseConfig(text, 'review.config.json', ids)).toThrow(message);
  });
});

describe('review check with a config', () => {
  it('review.config.json in the working folder turns a rule off and another to info', async () => {
    const plain = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: project('plain') })).stdout) as Report;
    expect(plain.diagnostics.some((d) => d.ruleId === 'reference/unverified' && d.severity === 'warning')).toBe(true);
    const dir = project('configured', JSON.stringify({ rules: { 'reference/unverified': 'info', 'consistency/outcome-disease': 'off' } }));
    const run = await runCli(['check', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as Report;
    const unverified = report.diagnostics.filter((d) => d.ruleId === 'reference/unverified');
    expect(unverified.length).toBe(plain.diagnostics.filter((d) => d.ruleId === 'reference/unverified').length);
    expect(unverified.every((d) => d.severity === 'info')).toBe(true);
    expect(report.diagnostics.some((d) => d.ruleId === 'consistency/outcome-disease')).toBe(false);
    expect(report.summary.warnings).toBe(plain.summary.warnings - unverified.length - 1);
  });

  it('--config FILE is used instead, and must exist', async () => {
    const dir = project('explicit');
    mkdirSync(join(dir, 'settings'));
    writeFileSync(join(dir, 'settings', 'strict.json'), '{"rules": {"reference/unverified": "error"}}');
    const run = await runCli(['check', '--config', 'settings/strict.json', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(await runCli(['check', '--config', 'nope.json'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('review: file not found: nope.json does not exist') });
    expect(await runCli(['check', '--config', 'settings'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('settings is a folder, not a regular file') });
  });

  it('a bad config is exit 2 before anything is checked, for build too', async () => {
    const dir = project('bad', '{"rules": {"study/possible-overlpa": "off"}}');
    for (const command of ['check', 'build']) {
      const run = await runCli([command], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain("review: usage error: review.config.json: rules: unknown rule 'study/possible-overlpa'; did you mean 'study/possible-overlap'?");
    }
  });
});
