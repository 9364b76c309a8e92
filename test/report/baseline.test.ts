// --baseline's post-processing: which findings are standing, new ones first; and how the human report shows them.
import { describe, expect, it } from 'vitest';
import { markBaseline } from '../../pipeline/report/baseline.ts';
import { formatStylish } from '../../pipeline/report/stylish.ts';
import { finishResult, type Diagnostic, type Severity } from '../../pipeline/diagnostic.ts';

const finding = (severity: Severity, line: number, message: string): Diagnostic => ({
  ruleId: severity === 'error' ? 'consistency/percentage' : 'reference/unverified',
  severity,
  file: 'records/x.csv',
  line,
  column: 1,
  message,
});

describe('markBaseline', () => {
  it('matches by rule, file, field and message (not line), as many times as the baseline had each, and sorts new first', () => {
    const result = finishResult([finding('warning', 5, 'same'), finding('warning', 9, 'same'), finding('error', 7, 'other')], { read: 0, accepted: 0, rejected: 0 });
    const marked = markBaseline(result, [{ ...finding('warning', 1, 'same') }]);
    expect(marked.diagnostics.map((d) => [d.line, d.baseline ?? false])).toEqual([
      [7, false],
      [9, false],
      [5, true],
    ]);
    expect(marked.summary).toEqual(result.summary);
  });
});

describe('stylish with a baseline', () => {
  it('shows new findings first, marks the standing ones, and counts both', () => {
    const result = finishResult([finding('warning', 2, 'old one'), finding('error', 9, 'new one')], { read: 2, accepted: 2, rejected: 0 });
    const text = formatStylish(markBaseline(result, [finding('warning', 3, 'old one')]), { color: false, baselineRef: 'origin/main' });
    expect(text).toBe(
      [
        'records/x.csv',
        '  9:1  error    new one  consistency/percentage',
        '  2:1  warning  old one  reference/unverified (standing)',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '  1 new, 1 already in origin/main',
        '  records: 2 read, 2 accepted, 0 rejected',
        '',
      ].join('\n'),
    );
  });
});
