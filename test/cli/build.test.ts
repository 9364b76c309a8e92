// End-to-end tests of `review build`: the five outputs, same bytes twice, nothing written on error, "what changed" between builds.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the shipped review (records and templates) to build in. */
function review(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}

const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name))]));

describe('review build on the shipped review', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = review('shipped');
    first = await runCli(['build'], { cwd: dir });
  }, 60_000);

  it('writes the five files and says where they are and that this is the first build', () => {
    expect(first.code).toBe(0);
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['evidence-table.html', 'evidence-table.pdf', 'review-data.json', 'review.html', 'review.pdf']);
    expect(first.stderr).toContain('wrote output/review.html, output/evidence-table.html, output/review.pdf, output/evidence-table.pdf, output/review-data.json');
    expect(first.stderr).toContain("what's new: 这是本综述的第一个版本。");
  });

  it('gives byte-identical output when built again: output/ is never what a build compares with', async () => {
    const before = filesOf(join(dir, 'output'));
    const again = await runCli(['build'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("what's new: 这是本综述的第一个版本。");
    expect(filesOf(join(dir, 'output'))).toEqual(before);
  }, 60_000);
});

describe('review build on bad input', () => {
  it('writes nothing and exits 1 when the check finds an error, leaving the previous output as it was', async () => {
    const dir = review('broken');
    expect((await runCli(['build', '--only', 'html'], { cwd: dir })).code).toBe(0);
    const before = filesOf(join(dir, 'output'));
    const studies = join(dir, 'records', 'studies.csv');
    writeFileSync(studies, readFileSync(studies, 'utf8').replace(',28,25,', ',twenty-eight,25,'));
    const run = await runCli(['build', '--only', 'html'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("n_enrolled: 'twenty-eight' is not a number");
    expect(run.stderr).toContain('nothing was written');
    expect(filesOf(join(dir, 'output'))).toEqual(before);
  }, 60_000);

  it('exits 2 with the template position on a template error, and writes nothing', async () => {
    const dir = review('template');
    const main = join(dir, 'templates', 'review.hbs');
    writeFileSync(main, readFileSync(main, 'utf8') + '\n{{#if meta.title}}unclosed\n');
    const run = await runCli(['build'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^review: template error: templates\/review\.hbs:\d+:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('refuses an output folder holding files it did not make', async () => {
    const dir = review('foreign');
    const out = join(dir, 'mine');
    cpSync(join(dir, 'records'), out, { recursive: true });
    const run = await runCli(['build', '--only', 'html', '--out', 'mine'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds files the build did not make');
    expect(readdirSync(out).sort()).toEqual(['README.md', 'outcomes.csv', 'references.csv', 'studies.csv']);
  });
});
