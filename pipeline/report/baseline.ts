// `--baseline REF`: marks the findings a baseline report already had, and puts new ones first; pure, after the usual sort.
import { compareDiagnostics, type CheckResult, type Diagnostic } from '../diagnostic.ts';

/**
 * What identifies one finding across two versions of the records: its rule, file, field and message, not
 * its line (a row added above moves every line below it). Messages name data, never places, so a finding
 * whose data changed counts as new.
 */
function identity(d: Pick<Diagnostic, 'ruleId' | 'file' | 'message' | 'field'>): string {
  return `${d.ruleId}\u0000${d.file}\u0000${d.field ?? ''}\u0000${d.message}`;
}

/**
 * Marks with `baseline: true` every finding the baseline had (as many times as it had it), then sorts:
 * new findings first, then standing ones, each in the usual order. Counts are unchanged.
 */
export function markBaseline(result: CheckResult, baseline: readonly Pick<Diagnostic, 'ruleId' | 'file' | 'message' | 'field'>[]): CheckResult {
  const remaining = new Map<string, number>();
  for (const d of baseline) remaining.set(identity(d), (remaining.get(identity(d)) ?? 0) + 1);
  const marked = result.diagnostics.map((d): Diagnostic => {
    const { baseline: _previous, ...plain } = d;
    const key = identity(d);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return plain;
    remaining.set(key, left - 1);
    return { ...plain, baseline: true };
  });
  marked.sort((a, b) => Number(a.baseline ?? false) - Number(b.baseline ?? false) || compareDiagnostics(a, b));
  return { ...result, diagnostics: marked };
}

/** Findings new since the baseline (all of them when there was none). */
export function newFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.baseline !== true);
}
