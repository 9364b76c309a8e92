// Tests for consistency/ci-contains-estimate: an estimate inside its own interval, and an interval the right way round.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';

// The value cell starts at column 20 after fvc, at 21 after mrss or dlco.
const HEADER = 'study_id,outcome,measure,value,ci_low,ci_high\n';
const outcomes = (...rows: string[]): { outcomes: string } => ({ outcomes: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('consistency/ci-contains-estimate', {
  valid: [
    { name: 'an estimate inside its interval', tables: outcomes('s1,mrss,mean_change,-8.4,-10.0,-6.8') },
    { name: 'an estimate on either bound', tables: outcomes('s1,mrss,mean_change,-10.0,-10.0,-6.8', 's1,fvc,mean_change,-6.8,-10.0,-6.8') },
    { name: 'an interval without an estimate', tables: outcomes('s1,fvc,mean_change,,-5.1,-1.5') },
    { name: 'only one bound given', tables: outcomes('s1,fvc,mean_change,-12.1,-10.0,', 's1,dlco,mean_change,-12.1,,-10.0') },
    { name: 'Unicode minus signs as pasted from a paper', tables: outcomes('s1,fvc,mean_change,−3.3,−5.1,−1.5') },
    {
      name: 'numbers written to different decimals agree within the rounding of the coarser one',
      tables: outcomes('s1,fvc,mean_change,1.3,1.31,2.00', 's1,dlco,mean_change,1.25,1.3,2.0'),
    },
  ],
  invalid: [
    {
      name: 'an estimate below its interval',
      tables: outcomes('s1,mrss,mean_change,-12.1,-10.0,-6.8'),
      diagnostics: [{ line: 2, column: 21, field: 'value', message: 'value -12.1 lies outside its 95% CI -10.0 to -6.8' }],
    },
    {
      name: 'an estimate above its interval',
      tables: outcomes('s1,fvc,mean_change,2.1,0.5,2.0'),
      diagnostics: [{ line: 2, column: 20, message: 'value 2.1 lies outside its 95% CI 0.5 to 2.0' }],
    },
    {
      name: 'bounds the wrong way round',
      tables: outcomes('s1,mrss,mean_change,-8.4,-6.8,-10.0'),
      diagnostics: [{ line: 2, column: 26, field: 'ci_low', message: 'ci_low -6.8 is above ci_high -10.0; the bounds seem swapped' }],
    },
    {
      name: 'swapped bounds are reported alone, not also the estimate outside them',
      tables: outcomes('s1,fvc,mean_change,5.0,2.0,0.5', 's1,dlco,mean_change,,2.0,0.5'),
      diagnostics: [
        { line: 2, column: 24, message: 'ci_low 2.0 is above ci_high 0.5; the bounds seem swapped' },
        { line: 3, column: 22, message: 'ci_low 2.0 is above ci_high 0.5; the bounds seem swapped' },
      ],
    },
    {
      name: 'written to the same decimals, a bound one unit past the estimate is no rounding effect',
      tables: outcomes('s1,fvc,mean_change,1.2,1.3,2.0'),
      diagnostics: [{ line: 2, column: 20, message: 'value 1.2 lies outside its 95% CI 1.3 to 2.0' }],
    },
    {
      name: 'written to different decimals, beyond the rounding of the coarser one',
      tables: outcomes('s1,fvc,mean_change,1.2,1.31,2.00'),
      diagnostics: [{ line: 2, column: 20, message: 'value 1.2 lies outside its 95% CI 1.31 to 2.00' }],
    },
    {
      name: 'Unicode minus signs are shown as ASCII',
      tables: outcomes('s1,fvc,mean_change,−0.5,−2.4,−1.3'),
      diagnostics: [{ line: 2, column: 20, message: 'value -0.5 lies outside its 95% CI -2.4 to -1.3' }],
    },
  ],
});

describe('consistency/ci-contains-estimate findings', () => {
  it('give the swapped interval and the interval it should be', () => {
    const [finding] = runRule('consistency/ci-contains-estimate', outcomes('s1,mrss,mean_change,-8.4,-6.8,-10.0'));
    expect(finding).toMatchObject({ severity: 'error', actual: '-6.8 to -10.0', expected: '-10.0 to -6.8' });
  });
});
