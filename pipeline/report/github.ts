// GitHub Actions workflow commands: one annotation per finding, escaped as the runner expects, then a summary line.
import { describeCounts, type CheckResult, type Diagnostic, type Severity } from '../diagnostic.ts';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: the message escapes plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(d: Diagnostic): string {
  const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine !== undefined) properties.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined) properties.push(`endColumn=${d.endColumn}`);
  properties.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
}

export function formatGithub(result: CheckResult): string {
  const { errors, warnings } = result.summary;
  const lines = result.diagnostics.map(annotation);
  lines.push(`${errors} errors, ${warnings} warnings; ${describeCounts(result.summary).join('; ')}`);
  return lines.join('\n') + '\n';
}

/** A Markdown step summary for $GITHUB_STEP_SUMMARY: counts, then a table of the findings (at most `limit`). */
export function formatStepSummary(result: CheckResult, limit = 200): string {
  const { errors, warnings, infos } = result.summary;
  // The summary is Markdown rendered as HTML: markup from a cell must show as text.
  const cell = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/[`*_[\]]/g, '\\$&').replace(/\r?\n/g, ' ');
  const lines = [
    '## Evidence review check',
    '',
    `${errors} errors, ${warnings} warnings, ${infos} notes. ${describeCounts(result.summary).map((counts) => counts.charAt(0).toUpperCase() + counts.slice(1)).join('. ')}.`,
    '',
  ];
  if (result.diagnostics.length > 0) {
    lines.push('| severity | place | rule | message |', '| --- | --- | --- | --- |');
    for (const d of result.diagnostics.slice(0, limit)) {
      lines.push(`| ${d.severity} | ${cell(`${d.file}:${d.line}:${d.column}`)} | ${d.ruleId} | ${cell(d.message)} |`);
    }
    if (result.diagnostics.length > limit) lines.push('', `… and ${result.diagnostics.length - limit} more.`);
  }
  return lines.join('\n') + '\n';
}
