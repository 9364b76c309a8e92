// Tests for flow/included-studies: the flow's included studies and reports against studies.csv. Every flow and study here is made up.
import { testRule } from '../../helpers/rule-tester.ts';

const STUDIES = 'id,reference_id,disease,design\ns1,r1; r2,SSc,rct\ns2,r3,SSc,rct\ns3,r4,RA,case-series\n';

testRule('flow/included-studies', {
  valid: [
    { name: 'three studies in four reports', tables: { studies: STUDIES, flow: 'key,n\nnew_studies,3\nnew_reports,4\n' } },
    { name: 'previous + new = total, and the total matches', tables: { studies: STUDIES, flow: 'key,n\nprevious_studies,1\nnew_studies,2\ntotal_studies,3\nprevious_reports,2\nnew_reports,2\ntotal_reports,4\n' } },
    { name: 'no flow.csv', tables: { studies: STUDIES } },
    { name: 'a flow without included boxes', tables: { studies: STUDIES, flow: 'key,n\nrecords_screened,40\n' } },
  ],
  invalid: [
    {
      name: 'one study more in studies.csv than the flow includes',
      tables: { studies: STUDIES, flow: 'key,n\nnew_studies,2\nnew_reports,4\n' },
      diagnostics: [{ line: 2, column: 13, field: 'n', message: 'the flow includes 2 studies (new_studies), but studies.csv has 3' }],
    },
    {
      name: 'reports counted as the distinct ids of reference_id',
      tables: { studies: STUDIES, flow: 'key,n\ntotal_studies,3\ntotal_reports,3\n' },
      diagnostics: [{ line: 3, column: 15, message: 'the flow includes 3 reports (total_reports), but the studies of studies.csv have 4 (the distinct ids of their reference_id)' }],
    },
    {
      name: "without a total, the previous version's studies and the new ones",
      tables: { studies: STUDIES, flow: 'key,n\nprevious_studies,1\nnew_studies,1\n' },
      diagnostics: [{ line: 3, column: 13, message: 'the flow includes 2 studies (previous_studies + new_studies), but studies.csv has 3' }],
    },
    {
      name: 'previous + new is not the total',
      tables: { studies: STUDIES, flow: 'key,n\nprevious_studies,1\nnew_studies,1\ntotal_studies,3\n' },
      diagnostics: [{ line: 4, column: 15, message: 'total_studies is 3, but previous_studies 1 + new_studies 1 is 2' }],
    },
  ],
});
