// Tests for consistency/outcome-disease: disease-specific instruments against the disease of their study.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';

const studies = (...rows: string[]): string => 'id,reference_id,disease,design\n' + rows.map((row) => `${row}\n`).join('');
const outcomes = (...rows: string[]): string => 'study_id,outcome,measure\n' + rows.map((row) => `${row}\n`).join('');

testRule('consistency/outcome-disease', {
  valid: [
    { name: 'mRSS in an SSc study', tables: { studies: studies('s1,r1,SSc,rct'), outcomes: outcomes('s1,mrss,mean_change') } },
    {
      name: 'instrument and disease written as aliases',
      tables: { studies: studies('s1,r1,systemic sclerosis,rct', 's2,r2,系统性硬化症,rct'), outcomes: outcomes('s1,mRSS,mean_change', 's2,改良Rodnan皮肤评分,mean_change') },
    },
    { name: 'an outcome that belongs to no disease', tables: { studies: studies('s1,r1,SLE,case-series'), outcomes: outcomes('s1,fvc,count') } },
    { name: 'any instrument in a study of connective-tissue disease at large', tables: { studies: studies('s1,r1,CTD,cohort-retrospective'), outcomes: outcomes('s1,mrss,mean', 's1,das28,mean') } },
    { name: 'a study of a disease the vocabulary does not know', tables: { studies: studies('s1,r1,Behcet,case-report'), outcomes: outcomes('s1,das28,mean') } },
    { name: 'an outcome whose study is not in studies.csv', tables: { studies: studies('s1,r1,SLE,case-series'), outcomes: outcomes('s9,mrss,mean') } },
    {
      name: "an instrument from the review's own vocabulary, its disease named by an alias",
      tables: {
        vocabulary: 'kind,term,aliases,disease\noutcome,bvas,BVAS,ANCA-associated vasculitis\n',
        studies: studies('s1,r1,AAV,cohort-prospective'),
        outcomes: outcomes('s1,BVAS,mean'),
      },
    },
  ],
  invalid: [
    {
      name: 'the motivating case: a skin score in the lupus section',
      tables: { studies: studies('ref45,ref45,SLE,unknown'), outcomes: outcomes('ref45,mrss,value') },
      diagnostics: [{ line: 2, column: 7, field: 'outcome', message: 'mrss is an instrument for SSc, but study ref45 is SLE' }],
    },
    {
      name: 'terms are given canonically whatever alias the row used',
      tables: { studies: studies('s1,r1,lupus,case-series', 's2,r2,系统性硬化症,rct'), outcomes: outcomes('s1,DAS28-ESR,mean', 's2,SLEDAI,mean') },
      diagnostics: [
        { line: 2, column: 4, message: 'das28 is an instrument for RA, but study s1 is SLE' },
        { line: 3, column: 4, message: 'sledai is an instrument for SLE, but study s2 is SSc' },
      ],
    },
    {
      name: "instruments from the review's own vocabulary, the disease given by its term or an alias",
      tables: {
        vocabulary: 'kind,term,aliases,disease\noutcome,essdai,ESSDAI,SjS\noutcome,bvas,BVAS,ANCA-associated vasculitis\n',
        studies: studies('s1,r1,RA,cohort-retrospective'),
        outcomes: outcomes('s1,ESSDAI,mean', 's1,BVAS,mean'),
      },
      diagnostics: [
        { line: 2, column: 4, message: 'essdai is an instrument for SjS, but study s1 is RA' },
        { line: 3, column: 4, message: 'bvas is an instrument for AAV, but study s1 is RA' },
      ],
    },
  ],
});

describe('consistency/outcome-disease findings', () => {
  it('are warnings that give the study disease found and the one expected', () => {
    const [finding] = runRule('consistency/outcome-disease', { studies: studies('ref45,ref45,SLE,unknown'), outcomes: outcomes('ref45,mrss,value') });
    expect(finding).toMatchObject({ severity: 'warning', actual: 'SLE', expected: 'SSc' });
  });
});
