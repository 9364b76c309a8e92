// The github format with a baseline: only new findings annotated, errors first, within GitHub's limits; the step summary counts new and standing ones.
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_KIND, formatGithub, formatStepSummary } from '../../pipeline/report/github.ts';
import { markBaseline } from '../../pipeline/report/baseline.ts';
import { finishResult, type Diagnostic, type Severity } from '../../pipeline/diagnostic.ts';

const finding = (severity: Severity, line: number, message = `finding ${line}`): Diagnostic => ({
  ruleId: severity === 'error' ? 'consistency/percentage' : 'reference/unverified',
  severity,
  file: 'records/x.csv',
  line,
  column: 1,
  message,
});

describe('github annotations', () => {
  // 41 standing warnings (as the shipped review has) and, below them, one new warning and one new error.
  const standing = Array.from({ length: 41 }, (_, i) => finding('warning', i + 2, `standing ${i}`));
  const result = finishResult([...standing, finding('warning', 60, 'new warning'), finding('error', 70, 'new error')], { read: 50, accepted: 50, rejected: 0 });
  const marked = markBaseline(result, standing);
  const lines = formatGithub(marked, { baselineRef: 'origin/main' }).trimEnd().split('\n');
  const annotations = lines.filter((l) => l.startsWith('::'));

  it('annotates the new findings only, errors first', () => {
    expect(annotations).toEqual([
      '::error file=records/x.csv,line=70,col=1,title=consistency/percentage::new error',
      '::warning file=records/x.csv,line=60,col=1,title=reference/unverified::new warning',
    ]);
  });

  it('lists the standing ones as plain log lines and counts both', () => {
    expect(lines.filter((l) => l.includes('(already in origin/main)'))).toHaveLength(41);
    expect(lines.at(-1)).toBe('1 errors, 42 warnings; records: 50 read, 50 accepted, 0 rejected; 2 new, 41 already in origin/main');
  });

  it(`annotates at most ${ANNOTATIONS_PER_KIND} of each kind (GitHub drops the rest), and says how many it left out`, () => {
    const many = finishResult([...Array.from({ length: 15 }, (_, i) => finding('error', i + 1)), ...Array.from({ length: 12 }, (_, i) => finding('warning', i + 100))], { read: 0, accepted: 0, rejected: 0 });
    const out = formatGithub(many).trimEnd().split('\n');
    expect(out.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(out.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(out.filter((l) => l.endsWith('(new, not annotated)'))).toHaveLength(7);
    expect(out.at(-1)).toBe('7 new findings are not annotated (GitHub shows 10 of each kind per step); they are listed above');
  });

  it('writes a step summary with new and standing counts, new findings first', () => {
    const summary = formatStepSummary(marked, 200, { baselineRef: 'origin/main' });
    expect(summary).toContain('| new | 1 | 1 | 0 |');
    expect(summary).toContain('| standing | 0 | 41 | 0 |');
    const rows = summary.split('\n').filter((l) => l.startsWith('| error') || l.startsWith('| warning'));
    expect(rows.slice(0, 2)).toEqual([
      '| warning | **new** | records/x.csv:60:1 | reference/unverified | new warning |',
      '| error | **new** | records/x.csv:70:1 | consistency/percentage | new error |',
    ]);
    expect(rows[2]).toContain('| standing |');
  });
});
