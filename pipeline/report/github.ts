// GitHub Actions workflow commands: one annotation per finding, escaped as the runner expects, then a summary line.
import { describeCounts, type CheckResult, type Diagnostic, type Severity } from '../diagnostic.ts';
import { newFindings } from './baseline.ts';

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

/**
 * GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and 50 per job
 * (actions/toolkit, docs/problem-matchers.md); annotations past that are dropped without a word. So only
 * new findings are annotated, errors first, at most this many of each kind; the rest are plain log lines.
 */
export const ANNOTATIONS_PER_KIND = 10;

export interface GithubOptions {
  /** The `--baseline` compared with, if any: its standing findings are listed, not annotated. */
  baselineRef?: string | undefined;
}

const KIND_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function formatGithub(result: CheckResult, options: GithubOptions = {}): string {
  const { errors, warnings } = result.summary;
  const fresh = newFindings(result.diagnostics);
  // A stable sort keeps the report's order within each kind.
  const byKind = [...fresh].sort((a, b) => KIND_ORDER[a.severity] - KIND_ORDER[b.severity]);
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  const unshown: Diagnostic[] = [];
  for (const d of byKind) {
    if (shown[d.severity] < ANNOTATIONS_PER_KIND) {
      shown[d.severity]++;
      lines.push(annotation(d));
    } else unshown.push(d);
  }
  for (const d of unshown) lines.push(logLine(d, 'new, not annotated'));
  for (const d of result.diagnostics) if (d.baseline) lines.push(logLine(d, `already in ${options.baselineRef ?? 'the baseline'}`));
  const standing = result.diagnostics.length - fresh.length;
  const counts = `${errors} errors, ${warnings} warnings; ${describeCounts(result.summary).join('; ')}`;
  lines.push(options.baselineRef === undefined ? counts : `${counts}; ${fresh.length} new, ${standing} already in ${options.baselineRef}`);
  if (unshown.length > 0) lines.push(`${unshown.length} new findings are not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step); they are listed above`);
  return lines.join('\n') + '\n';
}

/** A finding as one plain log line (no workflow command), for what is not annotated. */
function logLine(d: Diagnostic, note: string): string {
  // Messages are one line already; a line is a workflow command only when it starts with `::`, which a path never does.
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}] (${note})`;
}

/** GitHub keeps at most 1 MiB of a step's summary; the table stops well before. */
const SUMMARY_BYTES = 512 * 1024;

/** A Markdown step summary for $GITHUB_STEP_SUMMARY: counts (new and standing), then a table of the findings, new first (at most `limit`). */
export function formatStepSummary(result: CheckResult, limit = 200, options: GithubOptions = {}): string {
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
  if (options.baselineRef !== undefined) {
    const fresh = countKinds(newFindings(result.diagnostics));
    const standing = countKinds(result.diagnostics.filter((d) => d.baseline));
    lines.push(
      `| compared with ${cell(options.baselineRef)} | errors | warnings | notes |`,
      '| --- | --- | --- | --- |',
      `| new | ${fresh.error} | ${fresh.warning} | ${fresh.info} |`,
      `| standing | ${standing.error} | ${standing.warning} | ${standing.info} |`,
      '',
    );
  }
  if (result.diagnostics.length > 0) {
    const withState = options.baselineRef !== undefined;
    lines.push(`| severity |${withState ? ' state |' : ''} place | rule | message |`, `| --- |${withState ? ' --- |' : ''} --- | --- | --- |`);
    let bytes = lines.join('\n').length;
    let written = 0;
    for (const d of result.diagnostics.slice(0, limit)) {
      const row = `| ${d.severity} |${withState ? ` ${d.baseline ? 'standing' : '**new**'} |` : ''} ${cell(`${d.file}:${d.line}:${d.column}`)} | ${d.ruleId} | ${cell(d.message)} |`;
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > SUMMARY_BYTES) break;
      lines.push(row);
      written++;
    }
    if (result.diagnostics.length > written) lines.push('', `… and ${result.diagnostics.length - written} more.`);
  }
  return lines.join('\n') + '\n';
}

function countKinds(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
