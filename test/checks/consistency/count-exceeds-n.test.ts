// Tests for consistency/count-exceeds-n: counts over their denominator, and outcome numbers over the study's enrolment.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';

const studies = (...rows: string[]): string => 'id,reference_id,disease,design,n_enrolled,n_analysed\n' + rows.map((row) => `${row}\n`).join('');
// With two-digit numbers: n at column 14, count at 17, denominator at 20.
const outcomes = (...rows: string[]): string => 'study_id,outcome,measure,n,count,denominator\n' + rows.map((row) => `${row}\n`).join('');
const STUDY_OF_28 = studies('s1,r1,RA,cohort-retrospective,28,25');

testRule('consistency/count-exceeds-n', {
  valid: [
    { name: 'count within its denominator, all within n_enrolled', tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,fvc,count,25,14,25') } },
    { name: 'every number equal to n_enrolled', tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,hrct,count,28,28,28') } },
    { name: 'a study whose n_enrolled is not known', tables: { studies: studies('s1,r1,RA,case-series,,'), outcomes: outcomes('s1,fvc,count,30,30,') } },
    { name: 'an outcome whose study is not in studies.csv', tables: { studies: STUDY_OF_28, outcomes: outcomes('s9,fvc,count,30,30,') } },
    { name: 'n_analysed equal to n_enrolled', tables: { studies: studies('s1,r1,SSc,case-report,1,1') } },
    { name: 'n_analysed without n_enrolled', tables: { studies: studies('s1,r1,SSc,case-report,,15') } },
  ],
  invalid: [
    {
      name: 'a count over its denominator (reported once, against the denominator)',
      tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,fvc,count,25,30,25') },
      diagnostics: [{ line: 2, column: 17, field: 'count', message: 'count 30 exceeds denominator 25' }],
    },
    {
      name: "a count over the study's n_enrolled when there is no denominator",
      tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,fvc,count,,30,') },
      diagnostics: [{ line: 2, column: 15, field: 'count', message: "count 30 exceeds the study's n_enrolled 28" }],
    },
    {
      name: "a denominator over the study's n_enrolled",
      tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,fvc,count,25,14,30') },
      diagnostics: [{ line: 2, column: 20, field: 'denominator', message: "denominator 30 exceeds the study's n_enrolled 28" }],
    },
    {
      name: "an outcome n over the study's n_enrolled",
      tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,fvc,count,30,,') },
      diagnostics: [{ line: 2, column: 14, field: 'n', message: "n 30 exceeds the study's n_enrolled 28" }],
    },
    {
      name: 'each field of one row reported once',
      tables: { studies: STUDY_OF_28, outcomes: outcomes('s1,fvc,count,30,31,30') },
      diagnostics: [
        { line: 2, column: 14, field: 'n', message: "n 30 exceeds the study's n_enrolled 28" },
        { line: 2, column: 17, field: 'count', message: 'count 31 exceeds denominator 30' },
        { line: 2, column: 20, field: 'denominator', message: "denominator 30 exceeds the study's n_enrolled 28" },
      ],
    },
    {
      name: 'n_analysed over n_enrolled',
      tables: { studies: studies('s1,r1,RA,cohort-retrospective,28,30') },
      diagnostics: [{ line: 2, column: 34, field: 'n_analysed', message: 'n_analysed 30 exceeds n_enrolled 28' }],
    },
  ],
});

describe('consistency/count-exceeds-n findings', () => {
  it('are errors that give the bound as expected', () => {
    const [finding] = runRule('consistency/count-exceeds-n', { outcomes: outcomes('s1,fvc,count,25,30,25') });
    expect(finding).toMatchObject({ severity: 'error', actual: '30', expected: 'at most 25' });
  });
});
