// The human report (after ESLint's stylish): findings grouped by file, then a count line and the row (or manuscript) accounting.
import { describeCounts, type CheckResult, type Diagnostic, type Severity } from '../diagnostic.ts';
import { maxOf } from '../arrays.ts';

export interface StylishOptions {
  color: boolean;
  /** The `--baseline` compared with: standing findings are marked, and counted apart. */
  baselineRef?: string | undefined;
}

const COLORS = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;

export function formatStylish(result: CheckResult, options: StylishOptions = { color: false }): string {
  const paint = (code: keyof typeof COLORS, text: string): string => (options.color ? `\u001b[${COLORS[code]}m${text}\u001b[0m` : text);
  const severityLabel: Record<Severity, string> = {
    error: paint('red', 'error'),
    warning: paint('yellow', 'warning'),
    info: paint('blue', 'info'),
  };
  const lines: string[] = [];
  for (const [file, diagnostics] of groupByFile(result.diagnostics)) {
    lines.push(paint('underline', file));
    const rows = diagnostics.map((d) => [`${d.line}:${d.column}`, d.severity, messageWithSuggestion(d), d.baseline ? `${d.ruleId} (standing)` : d.ruleId] as const);
    const placeWidth = maxOf(rows.map((r) => r[0].length));
    const severityWidth = maxOf(rows.map((r) => r[1].length));
    for (const [place, severity, message, ruleId] of rows) {
      const paddedSeverity = severityLabel[severity] + ' '.repeat(severityWidth - severity.length);
      lines.push(`  ${paint('dim', place.padEnd(placeWidth))}  ${paddedSeverity}  ${message}  ${paint('dim', ruleId)}`);
    }
    lines.push('');
  }
  const { errors, warnings, infos } = result.summary;
  const total = errors + warnings + infos;
  const counts = `${total} ${total === 1 ? 'problem' : 'problems'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${plural(infos, 'info')}` : ''})`;
  const mark = errors > 0 ? paint('red', '✖') : total > 0 ? paint('yellow', '⚠') : '✔';
  lines.push(`${mark} ${total === 0 ? 'no problems' : counts}`);
  if (options.baselineRef !== undefined) {
    const standing = result.diagnostics.filter((d) => d.baseline).length;
    lines.push(`  ${result.diagnostics.length - standing} new, ${standing} already in ${options.baselineRef}`);
  }
  for (const counts of describeCounts(result.summary)) lines.push(`  ${counts}`);
  return lines.join('\n') + '\n';
}

function messageWithSuggestion(d: Diagnostic): string {
  return d.suggestion !== undefined && !d.message.includes(`'${d.suggestion}'`) ? `${d.message} (suggestion: ${d.suggestion})` : d.message;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.file);
    if (list) list.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}
