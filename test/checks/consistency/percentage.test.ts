// Tests for consistency/percentage: count / denominator against the percent as written, allowing only for rounding.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'study_id,outcome,measure,count,denominator,percent,reported\n';
const outcomes = (...rows: string[]): { outcomes: string } => ({ outcomes: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('consistency/percentage', {
  valid: [
    { name: '14 of 25 is 56%', tables: outcomes('s1,fvc,count,14,25,56,') },
    { name: '5 of 25 is 20%', tables: outcomes('s1,fvc,count,5,25,20,') },
    { name: 'a percent sign and full-width digits', tables: outcomes('s1,fvc,count,14,25,５６％,') },
    { name: '1 of 3 as 33 and as 33.3', tables: outcomes('s1,fvc,count,1,3,33,', 's1,dlco,count,1,3,33.3,') },
    { name: '1 of 8 is 12.5: both 12 and 13 round from a tie', tables: outcomes('s1,fvc,count,1,8,12,', 's1,dlco,count,1,8,13,') },
    { name: '2 of 3 as 66.7 and as 67', tables: outcomes('s1,fvc,count,2,3,66.7,', 's1,dlco,count,2,3,67,') },
    { name: 'a percent written with one decimal is checked to one decimal', tables: outcomes('s1,fvc,count,14,25,56.0,') },
    { name: '0 of 25 is 0% and 25 of 25 is 100%', tables: outcomes('s1,fvc,count,0,25,0,', 's1,dlco,count,25,25,100,') },
    { name: 'a denominator of 0 is left to other rules', tables: outcomes('s1,fvc,count,1,0,50,') },
    {
      name: 'a row missing the count, the denominator or the percent',
      tables: outcomes('s1,fvc,count,,25,50,', 's1,fvc,count,14,,50,', 's1,fvc,count,14,25,,'),
    },
    { name: 'reported text that agrees with the columns', tables: outcomes('s1,fvc,count,14,25,56,14 (56%)', 's1,dlco,count,14,25,56,14/25 (56.0%)') },
    { name: 'reported text without a percent', tables: outcomes('s1,hrct,count,25,28,,25 of 28') },
    { name: 'reported text that is not a count', tables: outcomes('s1,hrct,count,,,,ILD stable or better') },
    { name: 'reported text with its own denominator and no columns', tables: outcomes('s1,fvc,count,,,,14 例（56%）', 's1,dlco,count,,,,1/8 (12%)') },
  ],
  invalid: [
    {
      name: '14 of 25 reported as 50%',
      tables: outcomes('s1,fvc,count,14,25,50,'),
      diagnostics: [{ line: 2, column: 20, field: 'percent', message: '14 of 25 is 56%, but percent is 50' }],
    },
    {
      name: 'the motivating case: 14 (56%) over 28 patients',
      tables: outcomes('s1,fvc,count,14,28,56,'),
      diagnostics: [{ line: 2, column: 20, message: '14 of 28 is 50%, but percent is 56' }],
    },
    {
      name: '1 of 3 is not 33.4',
      tables: outcomes('s1,fvc,count,1,3,33.4,'),
      diagnostics: [{ line: 2, column: 18, message: '1 of 3 is 33.3%, but percent is 33.4' }],
    },
    {
      name: '2 of 3 is not 66',
      tables: outcomes('s1,fvc,count,2,3,66,'),
      diagnostics: [{ line: 2, column: 18, message: '2 of 3 is 67%, but percent is 66' }],
    },
    {
      name: 'one decimal keeps its decimal in the message',
      tables: outcomes('s1,fvc,count,14,28,56.0,'),
      diagnostics: [{ line: 2, column: 20, message: '14 of 28 is 50.0%, but percent is 56.0' }],
    },
    {
      name: 'the tie is only a tie to the percent’s decimals: 12.5 is not 12.0',
      tables: outcomes('s1,fvc,count,1,8,12.0,'),
      diagnostics: [{ line: 2, column: 18, message: '1 of 8 is 12.5%, but percent is 12.0' }],
    },
    {
      name: 'reported text whose percent disagrees with its count',
      tables: outcomes('s1,fvc,count,14,25,56,14 (50%)'),
      diagnostics: [{ line: 2, column: 23, field: 'reported', message: 'reported 14 (50%): 14 of 25 is 56%' }],
    },
    {
      name: 'reported text with its own denominator',
      tables: outcomes('s1,fvc,count,,,,14/28 (56%)'),
      diagnostics: [{ line: 2, column: 17, message: 'reported 14/28 (56%): 14 of 28 is 50%' }],
    },
    {
      name: 'reported count that differs from the count column',
      tables: outcomes('s1,fvc,count,14,25,56,15 (60%)'),
      diagnostics: [{ line: 2, column: 23, field: 'reported', message: 'reported count 15 differs from count 14' }],
    },
    {
      name: 'reported denominator that differs from the denominator column',
      tables: outcomes('s1,fvc,count,14,25,56,14/28 (50%)'),
      diagnostics: [{ line: 2, column: 23, message: 'reported denominator 28 differs from denominator 25' }],
    },
    {
      name: 'the column and the reported text both wrong, each reported at its own field',
      tables: outcomes('s1,fvc,count,14,25,50,14 (50%)'),
      diagnostics: [
        { line: 2, column: 20, message: '14 of 25 is 56%, but percent is 50' },
        { line: 2, column: 23, message: 'reported 14 (50%): 14 of 25 is 56%' },
      ],
    },
  ],
});

describe('consistency/percentage findings', () => {
  it('give the percent as written and the exact one rounded to its decimals', () => {
    const [finding] = runRule('consistency/percentage', outcomes('s1,fvc,count,1,3,33.4,'));
    expect(finding).toMatchObject({ severity: 'error', actual: '33.4', expected: '33.3' });
  });

  it('give the reported count against the count column', () => {
    const [finding] = runRule('consistency/percentage', outcomes('s1,fvc,count,14,25,56,15'));
    expect(finding).toMatchObject({ field: 'reported', actual: '15', expected: '14' });
  });
});
