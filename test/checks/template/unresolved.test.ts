// Tests for template/unresolved: helper calls of a template answered against the records before rendering, as the build would answer them.
import { testRule } from '../../helpers/rule-tester.ts';

// Made-up rows for the rule's cases, not data from any paper.
const REFERENCES = 'id,authors,year,status\nsmith2020,Smith J,2020,verified\n';
const STUDIES = 'id,reference_id,disease,design,n_enrolled,follow_up\nsmith2020,smith2020,SSc,rct,40,\n';
const OUTCOMES = [
  'study_id,outcome,measure,arm,timepoint,value,count,denominator',
  'smith2020,fvc,mean_change,TCZ,48 weeks,-2.5,,',
  'smith2020,fvc,mean_change,placebo,48 weeks,-6.1,,',
  'smith2020,sae,count,TCZ,48 weeks,,3,',
  '',
].join('\n');
const tables = (template: string) => ({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES, templates: { 'review.hbs': template } });

testRule('template/unresolved', {
  valid: [
    {
      name: 'every call finds one row and a value; calls with variables are left to the render',
      tables: tables('{{study "smith2020" "n_enrolled"}} {{study "smith2020" "year"}} {{outcome "smith2020" "fvc" arm="TCZ"}} {{count "studies"}} {{label "references"}}\n{{#each items}}{{study this.id "n_enrolled"}}{{/each}}\n'),
    },
  ],
  invalid: [
    {
      name: 'two rows match: the filter that tells them apart is asked for',
      tables: tables('<p>FVC {{outcome "smith2020" "fvc"}}</p>\n'),
      diagnostics: [{ line: 1, column: 8, message: '2 outcome rows match smith2020 fvc; add arm=, category=, analysis= or timepoint= to choose one' }],
    },
    {
      name: 'no row, no study, an empty drawn field, an unknown field and an unknown count',
      tables: tables(
        [
          '{{outcome "smith2020" "dlco"}}',
          '{{study "smyth2020" "n_enrolled"}}',
          '{{study "smith2020" "follow_up"}}',
          '{{outcome "smith2020" "sae" field="denominator"}}',
          '{{study "smith2020" "n_enroled"}}',
          '{{count "patient"}}',
          '',
        ].join('\n'),
      ),
      diagnostics: [
        { line: 1, column: 1, message: 'no outcome row matches smith2020 dlco' },
        { line: 2, column: 1, message: "no study has the id 'smyth2020'" },
        { line: 3, column: 1, message: 'study smith2020 has no follow_up in studies.csv' },
        { line: 4, column: 1, message: 'outcome smith2020 sae (outcomes.csv line 4) has no denominator' },
        { line: 5, column: 1, message: "study has no field 'n_enroled'" },
        { line: 6, column: 1, message: 'count takes "studies", "patients", "studies-without-n" or "references", not \'patient\'' },
      ],
    },
    {
      name: 'a call inside a block and in a sub-expression is answered too',
      tables: tables('{{#if meta.title}}\n  {{num (outcome "smith2020" "fvc" arm="TCZ" timepoint="24 weeks")}}\n{{/if}}\n'),
      diagnostics: [{ line: 2, column: 9, message: 'no outcome row matches smith2020 fvc arm=TCZ timepoint=24 weeks' }],
    },
  ],
});
