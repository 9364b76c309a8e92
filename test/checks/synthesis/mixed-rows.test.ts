// Tests for synthesis/mixed-rows: a study giving an analysis both arm-level and contrast rows, or two rows for one arm.
import { testRule } from '../../helpers/rule-tester.ts';

const ANALYSES = 'id,title,outcome,timepoint,measure,experimental,control,model\n';
const OUTCOMES = 'study_id,outcome,measure,arm,timepoint,value,ci_low,ci_high,count,denominator\n';
const analyses = (...rows: string[]) => ANALYSES + rows.map((row) => `${row}\n`).join('');
const outcomes = (...rows: string[]) => OUTCOMES + rows.map((row) => `${row}\n`).join('');

testRule('synthesis/mixed-rows', {
  valid: [
    {
      name: 'one kind of row per study',
      tables: {
        analyses: analyses('sae,SAE,sae,,RR,TCZ,placebo,random'),
        outcomes: outcomes('s1,sae,count,TCZ,,,,,3,20', 's1,sae,count,placebo,,,,,5,21', 's2,sae,rr,TCZ vs placebo,,0.8,0.5,1.3,,'),
      },
    },
    {
      name: 'two timepoints, and the analysis takes one',
      tables: {
        analyses: analyses('sae48,SAE at 48 weeks,sae,48 weeks,RR,TCZ,placebo,random'),
        outcomes: outcomes('s1,sae,count,TCZ,48 weeks,,,,3,20', 's1,sae,count,TCZ,96 weeks,,,,6,20', 's1,sae,count,placebo,48 周,,,,5,21'),
      },
    },
  ],
  invalid: [
    {
      name: 'arm-level rows and a contrast for one study',
      tables: {
        analyses: analyses('sae,SAE,sae,,RR,TCZ,placebo,random'),
        outcomes: outcomes('s1,sae,count,TCZ,,,,,3,20', 's1,sae,count,placebo,,,,,5,21', 's1,sae,rr,TCZ vs placebo,,0.6,0.2,1.9,,'),
      },
      diagnostics: [{ line: 4, column: 11, field: 'arm', message: 'study s1 gives sae arm-level rows (line 2) and a rr row; keep one, or narrow the analysis by timepoint or analysis' }],
    },
    {
      name: 'two rows for one arm',
      tables: {
        analyses: analyses('sae,SAE,sae,,RR,TCZ,placebo,random'),
        outcomes: outcomes('s1,sae,count,TCZ,48 weeks,,,,3,20', 's1,sae,count,TCZ,96 weeks,,,,6,20', 's1,sae,count,placebo,48 weeks,,,,5,21'),
      },
      diagnostics: [{ line: 3, column: 14, message: 'study s1 gives sae two rows for arm TCZ (line 2 and this one); keep one, or narrow the analysis by timepoint or analysis' }],
    },
  ],
});
