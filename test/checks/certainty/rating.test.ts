// Tests for certainty/rating: a GRADE certainty that does not follow from its start, downgrades and upgrades. Every rating and study here is made up.
import { expect, it } from 'vitest';
import { testRule, runRule } from '../../helpers/rule-tester.ts';
import { createRatingRule } from '../../../pipeline/checks/certainty/rating.ts';

const RCTS = 'id,reference_id,disease,design\ns1,r1,SSc,rct\ns2,r2,SSc,rct\n';
const COHORTS = 'id,reference_id,disease,design\nc1,r1,RA,cohort-prospective\nc2,r2,RA,case-series\n';
const HEADER = 'analysis_id,risk_of_bias,inconsistency,indirectness,imprecision,publication_bias,large_effect,dose_response,plausible_confounding,certainty\n';

testRule('certainty/rating', {
  valid: [
    { name: 'randomised, nothing serious: high', tables: { studies: RCTS, certainty: HEADER + 'a1,not serious,not serious,not serious,not serious,not serious,no,no,no,high\n' } },
    { name: 'randomised, two serious: low', tables: { studies: RCTS, certainty: HEADER + 'a1,serious,,,serious,,,,,low\n' } },
    { name: 'never below very low', tables: { studies: RCTS, certainty: HEADER + 'a1,very serious,very serious,,,,,,,very low\n' } },
    { name: 'non-randomised, a large effect: moderate (in Chinese words)', tables: { studies: COHORTS, certainty: HEADER + 'a1,不严重,不严重,不严重,不严重,不严重,是,否,否,中\n' } },
    { name: 'studies of mixed designs: the start is not known, nothing is said', tables: { studies: RCTS + 'c1,r3,SSc,case-series\n', certainty: HEADER + 'a1,,,,,,,,,high\n' } },
    { name: 'no certainty given', tables: { studies: RCTS, certainty: HEADER + 'a1,serious,,,,,,,,\n' } },
  ],
  invalid: [
    {
      name: 'randomised, two levels down, rated moderate',
      tables: { studies: RCTS, certainty: HEADER + 'a1,serious,not serious,not serious,serious,not serious,no,no,no,moderate\n' },
      diagnostics: [{ line: 2, column: 65, field: 'certainty', message: "a1: certainty is 'moderate', but high (randomised studies) − 2 (risk_of_bias serious, imprecision serious) gives 'low'" }],
    },
    {
      name: 'non-randomised, rated high without upgrades enough',
      tables: { studies: COHORTS, certainty: HEADER + 'a1,,,,,,yes,,,high\n' },
      diagnostics: [{ line: 2, column: 15, message: "a1: certainty is 'high', but low (non-randomised studies) + 1 (large_effect yes) gives 'moderate'" }],
    },
  ],
});

it('reads the start from the analysis’s own studies when the source knows them (a made-up source)', () => {
  const rule = createRatingRule(() => ({ visitors: {}, facts: (id) => (id === 'a1' ? { studyIds: ['s1'] } : undefined), hasAnalyses: () => true }));
  const tables = { studies: RCTS + 'c1,r3,SSc,case-series\n', certainty: HEADER + 'a1,serious,,,,,,,,high\n' };
  expect(runRule('certainty/rating', tables, rule).map((d) => d.message)).toEqual(["a1: certainty is 'high', but high (randomised studies) − 1 (risk_of_bias serious) gives 'moderate'"]);
});

it('passes the records on to the source, which answers once they are read (a made-up source)', () => {
  const seen: string[] = [];
  const rule = createRatingRule(() => ({
    visitors: { study: (record) => void (record.id && seen.push(record.id)) },
    facts: (id) => (id === 'a1' ? { studyIds: seen.filter((study) => study.startsWith('c')) } : undefined),
    hasAnalyses: () => true,
  }));
  const tables = { studies: RCTS + 'c1,r3,SSc,case-series\n', certainty: HEADER + 'a1,,,,,,,,,high\n' };
  expect(runRule('certainty/rating', tables, rule).map((d) => d.message)).toEqual(["a1: certainty is 'high', but low (non-randomised studies) gives 'low'"]);
  expect(seen).toEqual(['s1', 's2', 'c1']);
});
