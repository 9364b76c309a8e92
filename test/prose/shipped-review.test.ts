// The shipped review's own claims: `review check` finds the seed's four overstatements at their template words, and nothing else of the claim rules.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');

describe('claim rules on the shipped review', () => {
  it('report the Manfredi 2020 denominator, the Khanna "randomised" figures and the Kudsi study/证实 claims, and nothing else', async () => {
    const run = await runCli(['check', '--format', 'json'], { cwd: root });
    const claims = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number; message: string }[] }).diagnostics
      .filter((d) => d.ruleId.startsWith('claim/'))
      .map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(claims).toEqual([
      'claim/denominator templates/partials/section-2-ra.hbs:20:135 percentages of 25 patients, but the paragraph gave 28 patients for manfredi2020 on line 19 and does not say 25',
      'claim/analysis-population templates/partials/section-3-ssc.hbs:19:214 随机分析 but the rows drawn are post hoc',
      'claim/design templates/partials/section-3-ssc.hbs:22:37 一项研究 but kudsi2023 is a case report',
      'claim/certainty-language templates/partials/section-3-ssc.hbs:24:4 证实 but the evidence is one case report (kudsi2023)',
    ]);
  });
});

describe("a review's own claim words (templates/review.json claimWords)", () => {
  const setup = async (reviewJson: string) => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'claim-words-'));
    mkdirSync(join(dir, 'records'));
    mkdirSync(join(dir, 'templates'));
    // Made up for the test: one case report, and a sentence that says 确认无误 of it.
    writeFileSync(join(dir, 'records', 'references.csv'), 'id,status\nk,verified\n');
    writeFileSync(join(dir, 'records', 'studies.csv'), 'id,reference_id,disease,design\nk,k,SSc,case-report\n');
    writeFileSync(join(dir, 'records', 'outcomes.csv'), 'study_id,outcome,measure\n');
    writeFileSync(join(dir, 'templates', 'review.hbs'), '<p>该病例{{cite "k"}}的疗效确认无误。</p>\n');
    writeFileSync(join(dir, 'templates', 'review.json'), reviewJson);
    return dir;
  };

  it('adds a proof word that the claim rules then read', async () => {
    const before = await runCli(['check', '--format', 'json'], { cwd: await setup('{"title": "t"}') });
    const after = await runCli(['check', '--format', 'json'], { cwd: await setup('{"title": "t", "claimWords": {"terms": [{"kind": "proof", "phrase": "确认无误"}]}}') });
    const claimsOf = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { ruleId: string; message: string }[] }).diagnostics.filter((d) => d.ruleId.startsWith('claim/')).map((d) => d.message);
    expect(claimsOf(before.stdout)).toEqual([]);
    expect(claimsOf(after.stdout)).toEqual(['确认无误 but the evidence is one case report (k)']);
  });

  it('refuses a malformed entry with exit 2, naming it', async () => {
    const run = await runCli(['check'], { cwd: await setup('{"claimWords": {"terms": [{"kind": "proofs", "phrase": "x"}]}}') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('claimWords.terms[0].kind must be one of significance, proof, population, design, anaphor');
  });
});
