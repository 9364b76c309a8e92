// Tests for consistency/subgroup-sum: mutually exclusive categories of one outcome against their denominator.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';

// category last, so that the count (column 29) and denominator (column 32 after a two-digit count) stand still.
const HEADER = 'study_id,outcome,measure,arm,timepoint,analysis,count,denominator,category\n';
const outcomes = (...rows: string[]): { outcomes: string } => ({ outcomes: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('consistency/subgroup-sum', {
  valid: [
    {
      name: 'stable + improved + worse = denominator',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,5,25,improved', 's1,fvc,count,TCZ,30 months,,6,25,worse'),
    },
    {
      name: 'an incomplete family within its denominator',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,5,25,improved'),
    },
    {
      name: 'remission and resolved are subsets of improved and are not summed',
      tables: outcomes(
        's1,fvc,count,TCZ,30 months,,14,25,stable',
        's1,fvc,count,TCZ,30 months,,5,25,improved',
        's1,fvc,count,TCZ,30 months,,6,25,worse',
        's1,fvc,count,TCZ,30 months,,3,25,remission',
        's1,fvc,count,TCZ,30 months,,2,25,resolved',
      ),
    },
    {
      name: 'responder + non-responder = denominator',
      tables: outcomes('s1,das28,count,TCZ,24 weeks,itt,18,30,responder', 's1,das28,count,TCZ,24 weeks,itt,12,30,non-responder'),
    },
    {
      name: 'studies are separate groups, and so are outcomes and measures',
      tables: outcomes(
        's1,fvc,count,TCZ,24 weeks,,20,25,stable',
        's1,fvc,count,TCZ,24 weeks,,5,25,worse',
        's2,fvc,count,TCZ,24 weeks,,20,25,stable',
        's2,fvc,count,TCZ,24 weeks,,5,25,worse',
        's2,dlco,count,TCZ,24 weeks,,20,25,stable',
        's2,dlco,count,TCZ,24 weeks,,5,25,worse',
        's2,dlco,responders,TCZ,24 weeks,,20,25,stable',
        's2,dlco,responders,TCZ,24 weeks,,5,25,worse',
      ),
    },
    {
      name: 'timepoints, arms and analyses are separate groups',
      tables: outcomes(
        's1,fvc,count,TCZ,24 weeks,,20,25,stable',
        's1,fvc,count,TCZ,24 weeks,,5,25,worse',
        's1,fvc,count,TCZ,48 weeks,,20,25,stable',
        's1,fvc,count,TCZ,48 weeks,,5,25,worse',
        's1,fvc,count,placebo,48 weeks,,20,25,stable',
        's1,fvc,count,placebo,48 weeks,,5,25,worse',
        's1,fvc,count,placebo,48 weeks,completers,20,25,stable',
        's1,fvc,count,placebo,48 weeks,completers,5,25,worse',
      ),
    },
    { name: 'a single category', tables: outcomes('s1,fvc,count,TCZ,30 months,,14,28,stable') },
    {
      name: 'no denominator to sum to',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,,stable', 's1,fvc,count,TCZ,30 months,,5,,improved', 's1,fvc,count,TCZ,30 months,,7,,worse'),
    },
    {
      name: 'rows without a category or a count',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,', 's1,fvc,count,TCZ,30 months,,,25,stable', 's1,fvc,count,TCZ,30 months,,30,25,improved'),
    },
    {
      name: 'categories written as aliases',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,稳定', 's1,fvc,count,TCZ,30 months,,5,25,改善', 's1,fvc,count,TCZ,30 months,,6,25,恶化'),
    },
  ],
  invalid: [
    {
      name: 'a complete family short of its denominator',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,5,25,improved', 's1,fvc,count,TCZ,30 months,,5,25,worse'),
      diagnostics: [{ line: 4, column: 29, field: 'count', message: 'stable + improved + worse = 24, but denominator is 25' }],
    },
    {
      name: 'a complete family over its denominator',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,6,25,worse', 's1,fvc,count,TCZ,30 months,,6,25,improved'),
      diagnostics: [{ line: 4, column: 29, message: 'stable + worse + improved = 26, but denominator is 25' }],
    },
    {
      name: 'an incomplete family over its denominator',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,20,25,stable', 's1,fvc,count,TCZ,30 months,,8,25,improved'),
      diagnostics: [{ line: 3, column: 29, message: 'stable + improved = 28, more than denominator 25' }],
    },
    {
      name: 'responders and non-responders short of their denominator',
      tables: outcomes('s1,das28,count,TCZ,24 weeks,itt,10,25,responder', 's1,das28,count,TCZ,24 weeks,itt,12,25,non-responder'),
      diagnostics: [{ line: 3, column: 33, message: 'responder + non-responder = 22, but denominator is 25' }],
    },
    {
      name: 'categories with different denominators',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,5,25,improved', 's1,fvc,count,TCZ,30 months,,9,28,worse'),
      diagnostics: [{ line: 4, column: 31, field: 'denominator', message: 'categories of fvc have different denominators (25 and 28)' }],
    },
    {
      name: 'groups interleaved in the file: each is reported at its own last row',
      tables: outcomes(
        's1,fvc,count,TCZ,30 months,,14,25,stable',
        's1,dlco,count,TCZ,30 months,,14,25,stable',
        's1,fvc,count,TCZ,30 months,,5,25,improved',
        's1,dlco,count,TCZ,30 months,,5,25,improved',
        's1,fvc,count,TCZ,30 months,,7,25,worse',
        's1,dlco,count,TCZ,30 months,,6,25,worse',
      ),
      diagnostics: [{ line: 6, column: 29, message: 'stable + improved + worse = 26, but denominator is 25' }],
    },
    {
      name: 'a row without a denominator shares the group’s',
      tables: outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,5,,improved', 's1,fvc,count,TCZ,30 months,,5,25,worse'),
      diagnostics: [{ line: 4, column: 29, message: 'stable + improved + worse = 24, but denominator is 25' }],
    },
  ],
});

describe('consistency/subgroup-sum findings', () => {
  it('are warnings that give the sum and the denominator', () => {
    const tables = outcomes('s1,fvc,count,TCZ,30 months,,14,25,stable', 's1,fvc,count,TCZ,30 months,,5,25,improved', 's1,fvc,count,TCZ,30 months,,5,25,worse');
    const [finding] = runRule('consistency/subgroup-sum', tables);
    expect(finding).toMatchObject({ severity: 'warning', actual: '24', expected: '25' });
  });
});
