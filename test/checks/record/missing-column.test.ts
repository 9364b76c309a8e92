// Tests for record/missing-column: a required column absent from a header, or present only misspelt.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/missing-column', {
  valid: [
    { name: 'the required columns, in any order', tables: { studies: 'design,disease,id,reference_id\nrct,RA,s1,r1\n' } },
    { name: 'Chinese header aliases', tables: { studies: '研究编号,文献编号,疾病,研究设计\ns1,r1,RA,rct\n' } },
    { name: 'case, spaces and full-width letters in header names', tables: { references: 'ＩＤ, Status \r\nr1,verified\r\n' } },
    { name: 'a cell near a column the header has (an extra column) is left to record/unknown-column', tables: { studies: 'id,reference_id,disease,design,country,contry\ns1,r1,RA,rct,Italy,Italy\n' } },
  ],
  invalid: [
    {
      name: 'an absent column is reported at the header row',
      tables: { outcomes: 'study_id,outcome\ns1,fvc\n' },
      diagnostics: [{ line: 1, column: 1, file: 'outcomes.csv', message: "column 'measure' is missing" }],
    },
    {
      name: 'a misspelt column is reported at its header cell, with the right name suggested',
      tables: { studies: 'id,refrence_id,disease,desing\ns1,r1,RA,rct\n' },
      diagnostics: [
        { line: 1, column: 4, message: "column 'reference_id' is missing; 'refrence_id' looks like it, and its values would be lost: rename it 'reference_id'", suggestion: 'reference_id' },
        { line: 1, column: 24, message: "column 'design' is missing; 'desing' looks like it, and its values would be lost: rename it 'design'", suggestion: 'design' },
      ],
    },
    {
      name: 'a misspelt optional column, the column meant absent: an error, as its values would be lost',
      tables: { studies: 'id,reference_id,disease,design,n_enroled\ns1,r1,RA,rct,12\n' },
      diagnostics: [{ line: 1, column: 32, message: "column 'n_enrolled' is missing; 'n_enroled' looks like it, and its values would be lost: rename it 'n_enrolled'", suggestion: 'n_enrolled' }],
    },
    {
      name: 'a header after blank lines is at its true line',
      tables: { references: '\n\nid,statsu\nr1,verified\n' },
      diagnostics: [{ line: 3, column: 4, message: "column 'status' is missing; 'statsu' looks like it, and its values would be lost: rename it 'status'", suggestion: 'status' }],
    },
  ],
});
