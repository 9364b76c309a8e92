// Tests for record/dangling-link: a study's reference_id or an outcome's study_id that names no row, with a near id suggested.
import { testRule } from '../../helpers/rule-tester.ts';

const references = 'id,status\nmanfredi2020,verified\nkhanna2022,verified\n';

testRule('record/dangling-link', {
  valid: [
    {
      name: 'every link resolves',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\nmanfredi2020,manfredi2020,RA,cohort-retrospective\n',
        outcomes: 'study_id,outcome,measure\nmanfredi2020,fvc,count\n',
      },
    },
    {
      name: 'a link to a rejected row still resolves, so one bad row does not cascade',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\ns1,manfredi2020,RA,rct,extra field\n',
        outcomes: 'study_id,outcome,measure\ns1,fvc,count\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a misspelt reference_id, with the near id suggested',
      tables: { references, studies: 'id,reference_id,disease,design\ns1,manfredi2002,RA,rct\n' },
      diagnostics: [
        {
          line: 2,
          column: 4,
          field: 'reference_id',
          message: "reference_id 'manfredi2002' matches no row of references.csv; did you mean 'manfredi2020'",
          suggestion: 'manfredi2020',
        },
      ],
    },
    {
      name: 'an id nothing is near to',
      tables: { references, studies: 'id,reference_id,disease,design\ns1,smith1999,RA,rct\n' },
      diagnostics: [{ line: 2, column: 4, message: "reference_id 'smith1999' matches no row of references.csv" }],
    },
    {
      name: 'outcome study_ids, at their true line after a quoted CRLF',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\nkhanna2022,khanna2022,SSc,rct-extension\n',
        outcomes: 'study_id,outcome,measure,note\r\nkhanna2022,fvc,mean_change,"two\r\nlines"\r\nkhanna2020,fvc,mean_change,\r\nzzz,fvc,count,\r\n',
      },
      diagnostics: [
        {
          line: 4,
          column: 1,
          file: 'outcomes.csv',
          message: "study_id 'khanna2020' matches no row of studies.csv; did you mean 'khanna2022'",
          suggestion: 'khanna2022',
        },
        { line: 5, column: 1, file: 'outcomes.csv', message: "study_id 'zzz' matches no row of studies.csv" },
      ],
    },
  ],
});
