// Tests for synthesis/invalid-analysis: an analysis row's method, model, measure and prediction must fit together.
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'id,title,outcome,measure,experimental,control,model,method,prediction\n';
const analyses = (...rows: string[]) => ({ analyses: HEADER + rows.map((row) => `${row}\n`).join('') });

testRule('synthesis/invalid-analysis', {
  valid: [
    {
      name: 'every method with its model and measure',
      tables: analyses('a1,A,sae,OR,TCZ,placebo,common,Peto,', 'a2,A,sae,RD,TCZ,placebo,common,MH,', 'a3,A,fvc,MD,TCZ,placebo,random,REML,yes', 'a4,A,fvc,SMD,TCZ,placebo,common,,', 'a5,A,fvc,HR,TCZ,placebo,random,,yes'),
    },
  ],
  invalid: [
    {
      name: 'Peto for a risk ratio',
      tables: analyses('a1,A,sae,RR,TCZ,placebo,common,Peto,'),
      diagnostics: [{ line: 2, column: 32, field: 'method', message: 'analysis a1: Peto pools odds ratios, not RR' }],
    },
    {
      name: 'Mantel–Haenszel for means',
      tables: analyses('a1,A,fvc,MD,TCZ,placebo,common,MH,'),
      diagnostics: [{ line: 2, column: 32, message: 'analysis a1: Mantel–Haenszel pools RR, OR or RD, not MD' }],
    },
    {
      name: 'a tau² estimator for a common-effect model, and a common-effect method for random effects',
      tables: analyses('a1,A,fvc,MD,TCZ,placebo,common,REML,', 'a2,A,sae,OR,TCZ,placebo,random,MH,'),
      diagnostics: [
        { line: 2, column: 32, message: 'analysis a1: method REML estimates tau², but model is common (IV, MH or Peto)' },
        { line: 3, column: 32, message: 'analysis a2: method MH is a common-effect method, but model is random (DL, REML or PM)' },
      ],
    },
    {
      name: 'a prediction interval of a common-effect model',
      tables: analyses('a1,A,fvc,MD,TCZ,placebo,common,IV,yes'),
      diagnostics: [{ line: 2, column: 35, field: 'prediction', message: 'analysis a1 asks for a prediction interval, which needs model random' }],
    },
  ],
});
