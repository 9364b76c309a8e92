// Tests for reference/unverified: references whose identity is not established.
import { testRule } from '../../helpers/rule-tester.ts';

testRule('reference/unverified', {
  valid: [
    {
      name: 'verified with a DOI, a PMID, or both',
      tables: { references: 'id,doi,pmid,status\na,10.1111/imj.14670,,verified\nb,,20112381,verified\nc,10.1002/art.27360,20112381,verified\n' },
    },
    {
      name: 'a malformed DOI is left to record/invalid-value, not called missing',
      tables: { references: 'id,doi,status\na,doi 10.1111,verified\n' },
    },
    { name: 'an empty status is left to record/missing-value', tables: { references: 'id,status\na,\n' } },
  ],
  invalid: [
    {
      name: 'unresolved and unverified references',
      tables: { references: 'id,status\notsuji,unresolved\nmanfredi2018,Unverified\n' },
      diagnostics: [
        { line: 2, column: 8, field: 'status', message: "reference otsuji is unresolved: nothing is known of it beyond the review's own sentence" },
        { line: 3, column: 14, field: 'status', message: 'reference manfredi2018 is unverified: a likely candidate, not yet checked against a public record' },
      ],
    },
    {
      name: 'verified without DOI or PMID, after a multi-line note in a CRLF file',
      tables: { references: 'id,note,doi,pmid,status\r\na,"two\r\nlines",10.1111/imj.14670,,verified\r\nillei2010,,,,verified\r\n' },
      diagnostics: [{ line: 4, column: 14, field: 'status', message: 'reference illei2010 is marked verified but has no DOI or PMID' }],
    },
    {
      name: 'a row without an id is named by its line',
      tables: { references: 'id,status\n,unresolved\n' },
      diagnostics: [{ line: 2, column: 2, message: "the reference on line 2 is unresolved: nothing is known of it beyond the review's own sentence" }],
    },
  ],
});
