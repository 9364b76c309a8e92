// End-to-end: `review check` on a copy of examples/bcg given a flow, risk-of-bias judgements and GRADE ratings.
// The pooled data are dat.bcg's (published); every flow number, judgement and rating added here is made up.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-appraisal-'));
const records = join(scratch, 'records');
const RCTS = ['aronson1948', 'ferguson1949', 'rosenthal1960', 'hart1977', 'vandiviere1973', 'tpt-madras1980', 'coetzee1968'];
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  cpSync(join(root, 'examples', 'bcg', 'records'), records, { recursive: true });
  // The example's first analysis, and one of its seven randomised trials alone, so GRADE starts high.
  writeFileSync(
    join(records, 'analyses.csv'),
    'id,title,outcome,measure,experimental,control,model,method,prediction,studies\n' +
      'bcg-rr,"Tuberculosis, BCG vaccine vs no vaccine",tb,RR,BCG,control,random,REML,yes,\n' +
      `bcg-rct,"Tuberculosis, randomised trials",tb,RR,BCG,control,random,REML,yes,${RCTS.join('; ')}\n`,
  );
  writeFileSync(join(records, 'flow.csv'), 'key,n,reasons\ndatabase_results,120,\nduplicates,20,\nrecords_screened,90,\nrecords_excluded,70,\ndbr_sought_reports,20,\ndbr_assessed,20,\ndbr_excluded,7,"Not a trial of BCG, 4; No tuberculosis cases reported, 3"\nnew_studies,13,\nnew_reports,13,\n');
  writeFileSync(join(records, 'risk_of_bias.csv'), 'study_id,tool,domain,judgement\naronson1948,rob2,D1,low\naronson1948,rob2,D2,some concerns\naronson1948,rob2,D3,low\naronson1948,rob2,D4,low\naronson1948,rob2,D5,low\naronson1948,rob2,overall,low\n');
  writeFileSync(join(records, 'certainty.csv'), 'analysis_id,risk_of_bias,inconsistency,indirectness,imprecision,publication_bias,certainty\nbcg-rct,serious,not serious,not serious,not serious,not serious,high\n');
});

describe('review check with the appraisal tables', () => {
  it('finds the wrong flow number, the overall judgement and the rating at their CSV line and column', async () => {
    const run = await runCli(['check', '--records', records, '--templates', join(root, 'examples', 'bcg', 'templates'), '--format', 'json'], { cwd: scratch });
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number; message: string }[] };
    const ours = report.diagnostics.filter((d) => /^(flow|bias|certainty)\//.test(d.ruleId)).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
    expect(ours).toEqual([
      "records/certainty.csv:2:17 certainty/inconsistency bcg-rct: I² is 90% (75% or more), but inconsistency is 'not serious'",
      "records/certainty.csv:2:65 certainty/rating bcg-rct: certainty is 'high', but high (randomised studies) − 1 (risk_of_bias serious) gives 'moderate'",
      'records/flow.csv:4:18 flow/arithmetic records_screened is 90, but database_results 120 − duplicates 20 is 100',
      "records/risk_of_bias.csv:7:26 bias/overall-judgement study aronson1948: overall is 'low', but D2 is 'some concerns'; under RoB 2 the overall is low only when every domain is low",
    ]);
    expect(run.code).toBe(1);
  });
});
