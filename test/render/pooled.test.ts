// {{pooled}} in the prose and pooled estimates in 本次更新, on a copy of examples/bcg built before and after a trial is added.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-pooled-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copyExample(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(root, 'examples/bcg'), dir, { recursive: true });
  return dir;
}

/** Builds the HTML into `out`; with `since`, compared with that snapshot file (a kept review-data.json). */
async function buildHtml(dir: string, lang: 'en' | 'zh', out = 'out', since?: string): Promise<{ code: number; html: string; stderr: string }> {
  const args = ['build', '--records', 'records', '--templates', 'templates', '--out', out, '--only', 'html', '--lang', lang, '--quiet'];
  const run = await runCli(since === undefined ? args : [...args, '--since', since], { cwd: dir });
  // Handlebars escapes "=" as &#x3D; in text; the assertions read the text.
  const html = run.code === 0 ? readFileSync(join(dir, out, 'review.html'), 'utf8').replaceAll('&#x3D;', '=') : '';
  return { code: run.code, html, stderr: run.stderr };
}

/** The first build's snapshot, kept beside the records as an editor keeps a review-data.json. */
function keepSnapshot(dir: string): string {
  cpSync(join(dir, 'out/review-data.json'), join(dir, 'before.json'));
  return 'before.json';
}

/** The made-up trial of these tests (no such study exists), with a strong effect. */
function addTrial(dir: string): void {
  appendFileSync(join(dir, 'records/references.csv'), 'madeup2000,,Nobody,,,2000,,,,,en,unverified,made-up for a test\n');
  appendFileSync(join(dir, 'records/studies.csv'), 'madeup2000,madeup2000,TB,rct,2000,,BCG vaccine,no vaccine,made-up for a test\n');
  appendFileSync(join(dir, 'records/outcomes.csv'), 'madeup2000,tb,count,BCG,2,1000,made-up\nmadeup2000,tb,count,control,40,1000,made-up\n');
  const template = join(dir, 'templates/review.hbs');
  writeFileSync(template, readFileSync(template, 'utf8').replace('"comstock1976"}}', '"comstock1976" "madeup2000"}}'));
}

describe('{{pooled}} and 本次更新', () => {
  it('puts the pooled numbers in the prose, and reports the estimate that moved when a trial is added', async () => {
    const dir = copyExample('added');
    const first = await buildHtml(dir, 'en');
    expect(first.code).toBe(0);
    expect(first.html).toContain('Across 13 trials (357347 participants)');
    expect(first.html).toContain('risk ratio 0.49 (95% CI 0.34 to 0.70;');
    expect(first.html).toContain('The 95% prediction interval, 0.15 to 1.55,');
    const since = keepSnapshot(dir);
    addTrial(dir);
    const second = await buildHtml(dir, 'en', 'out2', since);
    expect(second.code).toBe(0);
    expect(second.html).toContain('Across 14 trials (359347 participants)');
    expect(second.html).not.toContain('risk ratio 0.49 (95% CI 0.34 to 0.70;');
    const moved = /Pooled result changed: Tuberculosis, BCG vaccine vs no vaccine: RR 0\.49 \(0\.34 to 0\.70\), k = 13 → RR (0\.\d\d) \(0\.\d\d to 0\.\d\d\), k = 14/.exec(second.html);
    expect(moved, second.html.slice(second.html.indexOf('changes'))).not.toBeNull();
    expect(second.html).toContain(`risk ratio ${moved![1]} (95% CI`);
  });

  it('says it in Chinese too', async () => {
    const dir = copyExample('zh');
    const first = await buildHtml(dir, 'zh');
    expect(first.code).toBe(0);
    // The interval's word follows the language: 至 in Chinese.
    expect(first.html).toContain('risk ratio 0.49 (95% CI 0.34 至 0.70;');
    const since = keepSnapshot(dir);
    addTrial(dir);
    const second = await buildHtml(dir, 'zh', 'out2', since);
    expect(second.html).toMatch(/合并结果更新：Tuberculosis, BCG vaccine vs no vaccine：RR 0\.49 \(0\.34 至 0\.70\), k = 13 → RR 0\.\d\d \(0\.\d\d 至 0\.\d\d\), k = 14/);
  });

  it('stops the build at a call for an unknown analysis or field, with its place', async () => {
    const dir = copyExample('unknown');
    const template = join(dir, 'templates/review.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}<p>{{pooled "nope" "estimate"}}</p>\n`);
    const run = await buildHtml(dir, 'en');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/review\.hbs:\d+:\d+.*no analysis has the id 'nope' in analyses\.csv/);
    writeFileSync(template, readFileSync(template, 'utf8').replace('{{pooled "nope" "estimate"}}', '{{pooled "bcg-rr" "median"}}'));
    const field = await buildHtml(dir, 'en');
    expect(field.stderr).toContain("pooled has no field 'median'");
  });
});
