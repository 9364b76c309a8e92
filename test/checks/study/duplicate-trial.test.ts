// Tests for study/duplicate-trial: two studies with one trial registration.
import { testRule } from '../../helpers/rule-tester.ts';

const HEADER = 'id,reference_id,disease,design,registration\n';

testRule('study/duplicate-trial', {
  valid: [
    { name: 'distinct registrations', tables: { studies: HEADER + 'a,r1,SSc,rct,NCT02453256\nb,r2,SSc,rct,NCT01532869\n' } },
    { name: 'studies without registration', tables: { studies: HEADER + 'a,r1,RA,case-series,\nb,r2,RA,case-series,\n' } },
    { name: 'a trial and its extension as one study with two reports', tables: { studies: HEADER + 'focussced,khanna2020; khanna2022,SSc,rct,NCT02453256\n' } },
    { name: 'a row repeated under its own id is left to record/duplicate-id', tables: { studies: HEADER + 'a,r1,SSc,rct,NCT02453256\na,r1,SSc,rct,NCT02453256\n' } },
  ],
  invalid: [
    {
      name: 'a trial and its extension recorded as two studies, spelt differently',
      tables: { studies: HEADER + 'khanna2020,r1,SSc,rct,NCT02453256\nx,r3,SSc,rct,NCT01532869\nkhanna2022,r2,SSc,rct-extension,nct 02453256\n' },
      diagnostics: [{ line: 4, column: 33, field: 'registration', message: 'registration NCT02453256 is also study khanna2020 (line 2): a trial is one study; merge the two rows into one study whose reference_id lists every report, main report first: r1; r2' }],
    },
    {
      name: 'every copy names the first, at its true line after a quoted CRLF',
      tables: {
        studies:
          'id,reference_id,disease,design,note,registration\r\n' +
          'a,r1,SLE,rct,"two\r\nlines",ChiCTR2000029765\r\nb,r2,SLE,rct,,ChiCTR2000029765\r\nc,r3,SLE,rct,,CHICTR2000029765\r\n',
      },
      diagnostics: [
        { line: 4, column: 15, message: 'registration ChiCTR2000029765 is also study a (line 2): a trial is one study; merge the two rows into one study whose reference_id lists every report, main report first: r1; r2' },
        { line: 5, column: 15, message: 'registration ChiCTR2000029765 is also study a (line 2): a trial is one study; merge the two rows into one study whose reference_id lists every report, main report first: r1; r3' },
      ],
    },
  ],
});
