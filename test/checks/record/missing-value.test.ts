// Tests for record/missing-value: required fields left empty, located at their cell even after multi-line fields.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('record/missing-value', {
  valid: [
    { name: 'every required field filled, optional ones empty', tables: { studies: 'id,reference_id,disease,design,country\ns1,r1,RA,rct,\n' } },
    { name: 'an absent required column is left to record/missing-column', tables: { references: 'id\nr1\n' } },
  ],
  invalid: [
    {
      name: 'an empty status',
      tables: { references: 'id,status\nr1,\n' },
      diagnostics: [{ line: 2, column: 4, field: 'status', message: 'status is empty; it is required' }],
    },
    {
      name: 'a field of spaces counts as empty',
      tables: { references: 'id,status\n" ",verified\n' },
      diagnostics: [{ line: 2, column: 1, field: 'id', message: 'id is empty; it is required' }],
    },
    {
      name: 'every empty required field of a row, at its true line after a quoted CRLF',
      tables: { studies: 'id,reference_id,disease,design,note\r\ns1,r1,,rct,"two\r\nlines"\r\n,r1,RA,,\r\n' },
      diagnostics: [
        { line: 2, column: 7, field: 'disease', message: 'disease is empty; it is required' },
        { line: 4, column: 1, field: 'id', message: 'id is empty; it is required' },
        { line: 4, column: 8, field: 'design', message: 'design is empty; it is required' },
      ],
    },
    {
      name: 'outcomes: study_id, outcome and measure',
      tables: { outcomes: 'study_id,outcome,measure\ns1,,\n' },
      diagnostics: [
        { line: 2, column: 4, field: 'outcome', message: 'outcome is empty; it is required' },
        { line: 2, column: 5, field: 'measure', message: 'measure is empty; it is required' },
      ],
    },
  ],
});
