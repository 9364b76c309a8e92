// check and build agree on every input of the bad-input corpus: check exits 1 exactly when build refuses to write, 2 exactly when build fails to run.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'bad');
const scratch = mkdtempSync(join(tmpdir(), 'review-agree-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A case without templates gets the smallest review a build accepts, so that only its records decide.
const PLAIN_REVIEW = '<h1>{{meta.title}}</h1>\n{{bibliography}}\n';

/** The corpus cases that hold a records folder (the others are manuscripts and imports, which build does not read). */
const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, 'records')))
  .map((entry) => entry.name)
  .sort();

describe('check and build agree on the bad-input corpus', () => {
  it('has the cases that draw what the records cannot give', () => {
    expect(cases).toEqual(expect.arrayContaining(['tpl-outcome-matches-two-rows', 'tpl-drawn-field-empty', 'ops-missing-table', 'val-percentage-mismatch']));
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(scratch, name);
    cpSync(join(CORPUS, name), dir, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
    if (!existsSync(join(dir, 'templates'))) {
      mkdirSync(join(dir, 'templates'));
      writeFileSync(join(dir, 'templates', 'review.hbs'), PLAIN_REVIEW);
    }
    const check = await runCli(['check', '--format', 'json'], { cwd: dir });
    // A fresh output folder: the cases about --out itself (a file, a foreign lock) are the build's own, not the inputs'.
    const build = await runCli(['build', '--only', 'html', '--out', 'agreement-output'], { cwd: dir });
    expect(build.code, `check said ${check.code}; build: ${build.stderr.split('\n').slice(-3).join(' | ')}`).toBe(check.code);
    if (check.code !== 0) expect(existsSync(join(dir, 'agreement-output'))).toBe(false);
    if (check.code === 1) expect(build.stderr).toContain('nothing was written');
  }, 60_000);
});
