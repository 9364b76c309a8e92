// Tests for consistency/se-ci: an SE given with a 95% CI must fit its width, allowing for rounding (and for t with n patients).
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'study_id,outcome,measure,arm,n,value,se,ci_low,ci_high\n';
const outcomes = (...rows: string[]): { outcomes: string } => ({ outcomes: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('consistency/se-ci', {
  valid: [
    { name: 'a log hazard ratio SE that fits its CI', tables: outcomes('s1,fvc,hr,TCZ vs placebo,,0.65,0.083,0.55,0.77') },
    { name: 'a mean difference SE that fits, within the rounding of its digits', tables: outcomes('s1,fvc,md,TCZ vs placebo,,-3.3,0.9,-5.1,-1.5') },
    { name: 'a mean of 10 patients with a t interval (t = 2.26)', tables: outcomes('s1,fvc,mean_change,TCZ,10,-3.3,0.80,-5.1,-1.5') },
    { name: 'rows without one of the three are not read', tables: outcomes('s1,fvc,md,TCZ vs placebo,,-3.3,,-5.1,-1.5', 's1,fvc,md,TCZ vs placebo,,-3.3,0.9,,-1.5') },
  ],
  invalid: [
    {
      name: 'an SE of the ratio instead of its logarithm',
      tables: outcomes('s1,fvc,hr,TCZ vs placebo,,0.65,0.054,0.55,0.77'),
      diagnostics: [{ line: 2, column: 32, field: 'se', message: 'se 0.054 does not fit the 95% CI 0.55 to 0.77, which gives se 0.0858 (log scale)' }],
    },
    {
      name: 'an SD written as the SE',
      tables: outcomes('s1,fvc,md,TCZ vs placebo,120,-3.3,9.9,-5.1,-1.5'),
      diagnostics: [{ line: 2, column: 35, message: 'se 9.9 does not fit the 95% CI -5.1 to -1.5, which gives se 0.918' }],
    },
  ],
});
