// Every report format takes any number of findings: 300,000 (past the ~125k where a spread into Math.max broke stylish) in one file.
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, formatReport } from '../../pipeline/report/index.ts';
import { formatStepSummary } from '../../pipeline/report/github.ts';
import type { CheckResult, Diagnostic } from '../../pipeline/diagnostic.ts';

const COUNT = 300_000;

function manyFindings(): CheckResult {
  const diagnostics: Diagnostic[] = Array.from({ length: COUNT }, (_, i) => ({
    ruleId: 'record/csv-syntax',
    severity: 'error',
    file: 'records/outcomes.csv',
    line: i + 2,
    column: 1,
    message: 'row has 1 fields, but the header has 3',
  }));
  return { diagnostics, summary: { errors: COUNT, warnings: 0, infos: 0, records: { read: COUNT, accepted: 0, rejected: COUNT } } };
}

describe('report formats with 300,000 findings (issue 10, item 5)', () => {
  const result = manyFindings();

  it.each(REPORT_FORMATS)('%s lists every one of them', (format) => {
    const text = formatReport(format, result, { color: false, toolVersion: '0.0.0-test', ruleDescriptions: {} });
    const count = format === 'json' || format === 'sarif' ? text.split('"row has 1 fields').length - 1 : text.split('\n').filter((line) => line.includes('row has 1 fields')).length;
    expect(count).toBe(COUNT);
  });

  it('the GitHub step summary lists its first 200 and says how many more', () => {
    expect(formatStepSummary(result)).toContain(`… and ${COUNT - 200} more.`);
  });
});
