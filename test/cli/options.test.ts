// Each command takes its own options and argument, from one registry: anything else is exit 2 with the nearest word suggested; `review CMD --help` is generated from it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { COMMANDS } from '../../pipeline/cli/commands.ts';
import { parseCliArgs } from '../../pipeline/cli/args.ts';

const root = join(import.meta.dirname, '..', '..');
const empty = mkdtempSync(join(tmpdir(), 'review-options-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

async function usage(args: string[], cwd = root): Promise<string> {
  const run = await runCli(args, { cwd });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  return run.stderr;
}

describe('usage errors name the problem and the nearest word', () => {
  it.each([
    [['check', 'some/dir'], "review check takes no argument, not 'some/dir'; did you mean --records some/dir?"],
    [['check', '--into', 'x'], 'review check does not take --into; it takes --records, --templates'],
    [['check', '--recrods', 'records'], 'review check does not take --recrods; did you mean --records?'],
    [['build', '--baseline', 'HEAD'], 'review build does not take --baseline'],
    [['chek'], "unknown command 'chek'; did you mean 'check'?"],
    [['constructor'], "unknown command 'constructor'"],
    [['toString', '--help'], "unknown command 'toString'"],
    [['check', '--format', 'jsn'], "--format must be one of stylish, json, github, sarif, not 'jsn'; did you mean 'json'?"],
    [['check', '--max-warnings', 'none'], "--max-warnings takes a whole number, not 'none'"],
    [['check', '--records'], '--records needs a value: --records DIR'],
    [['check', '--quiet=yes'], "--quiet takes no value, not 'yes'"],
    [['cite-check'], 'review cite-check takes one FILE: review cite-check FILE'],
    [['cite-check', 'a.md', 'b.md'], 'review cite-check takes one FILE, not 2'],
    [['import-refs', 'a.ris', '--format', 'json'], 'review import-refs does not take --format'],
    [['--records', 'records', 'check'], 'options come after the command: review check --records records'],
  ])('review %j', async (args, message) => {
    const stderr = await usage(args);
    expect(stderr).toContain(`review: usage error: ${message}`);
  });

  it('an explicit --templates or --records that does not exist, with the folder meant suggested', async () => {
    expect(await usage(['check', '--templates', 'templtes'])).toContain('review: folder not found: templates folder templtes does not exist; did you mean templates?');
    expect(await usage(['check', '--records', 'recods'])).toContain('records folder recods does not exist; did you mean records?');
    expect(await usage(['build', '--templates', 'templtes'])).toContain('did you mean templates?');
  });

  it('the default templates folder may be absent: records only', async () => {
    const run = await runCli(['check', '--records', join(root, 'records'), '--format', 'json'], { cwd: empty });
    expect(run.code).toBe(0);
  });
});

describe('help', () => {
  it('review CMD --help prints that command’s usage and options, from the registry', async () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      const run = await runCli([name, '--help'], { cwd: root });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`review ${name}: ${command.summary}`);
      for (const option of command.options) expect(run.stdout).toContain(`--${option.flag}`);
    }
    const check = (await runCli(['check', '--help'], { cwd: root })).stdout;
    expect(check).not.toContain('--into');
    expect(check).toContain('--baseline REF');
  });

  it('review --help lists every command', async () => {
    const run = await runCli(['--help'], { cwd: root });
    for (const name of Object.keys(COMMANDS)) expect(run.stdout).toContain(`  ${name}`);
  });
});

describe('publish and analyse: options of their own', () => {
  const registry = COMMANDS;

  it('publish takes --version N (its own, not the switch) and --date', () => {
    expect(parseCliArgs(['publish', '--version', '3', '--date', '2026-05-01'], COMMANDS)).toMatchObject({ command: 'publish', publishNumber: 3, date: '2026-05-01', version: false });
    expect(() => parseCliArgs(['publish', '--version', '0'], COMMANDS)).toThrow("--version takes a whole number from 1, not '0'");
    expect(() => parseCliArgs(['publish', '--templates', 't'], COMMANDS)).toThrow('review publish does not take --templates');
  });

  it('analyse takes --only ID (not build’s html|pdf) and --format stylish|json only', () => {
    expect(parseCliArgs(['analyse', '--only', 'fvc48', '-f', 'json'], registry)).toMatchObject({ command: 'analyse', analysis: 'fvc48', only: undefined, format: 'json' });
    expect(() => parseCliArgs(['analyse', '--format', 'sarif'], registry)).toThrow('--format must be one of stylish, json');
  });
});

describe('parsed options', () => {
  it('records which options were given, and fills the defaults', () => {
    const options = parseCliArgs(['--debug', 'check', '--templates', 't', '-f', 'json'], COMMANDS);
    expect(options).toMatchObject({ command: 'check', templates: 't', records: 'records', format: 'json', debug: true });
    expect([...options.given].sort()).toEqual(['debug', 'format', 'templates']);
  });

  it('build --max-warnings is taken: too many warnings stop the build and nothing is written', async () => {
    const out = join(empty, 'never');
    const run = await runCli(['build', '--records', join(root, 'records'), '--templates', join(root, 'templates'), '--out', out, '--max-warnings', '0', '--only', 'html'], { cwd: empty });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/build stopped: \d+ warnings, more than --max-warnings 0; nothing was written/);
    expect(existsSync(out)).toBe(false);
  });
});
