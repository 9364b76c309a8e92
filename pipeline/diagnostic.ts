// The one diagnostic type every stage, rule and formatter shares, and the small pure post-processing steps on it.

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about the data, located in a file. `line` and `column` are 1-based and point at the
 * start of the field or citation; `column` counts UTF-16 code units, as editors and GitHub do.
 * `file` is relative to the current directory, with `/`.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  field?: string;
  message: string;
  actual?: string;
  expected?: string;
  suggestion?: string;
  url?: string;
  /** Set by `--baseline REF` on a finding REF already had; new findings carry no mark. */
  baseline?: true;
}

/** Accounting of data rows: every row read is either accepted or rejected. */
export interface RecordCounts {
  read: number;
  accepted: number;
  rejected: number;
}

/** What `cite-check` read of a manuscript: its citations, the entries of its reference list (or the one given), and the citations credited to an author. */
export interface ManuscriptCounts {
  citations: number;
  entries: number;
  credits: number;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  records: RecordCounts;
  /** Only for `cite-check`; `records` then counts references.csv rows given with `--references`, 0 otherwise. */
  manuscript?: ManuscriptCounts;
}

/** The summary's accounting in words: "records: 3 read, …" and/or "manuscript: 59 citations, …". */
export function describeCounts(summary: Summary): string[] {
  const { records, manuscript } = summary;
  const parts: string[] = [];
  if (manuscript) {
    const { citations, entries, credits } = manuscript;
    parts.push(`manuscript: ${citations} citation${citations === 1 ? '' : 's'}, ${entries} reference entr${entries === 1 ? 'y' : 'ies'}, ${credits} author credit${credits === 1 ? '' : 's'}`);
  }
  if (!manuscript || records.read > 0) parts.push(`records: ${records.read} read, ${records.accepted} accepted, ${records.rejected} rejected`);
  return parts;
}

/** What a check run produces, and what every formatter takes. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  summary: Summary;
}

/** A stage's output: its value plus what it found on the way. */
export interface Staged<T> {
  value: T;
  diagnostics: Diagnostic[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Order of the brief: file, line, column, ruleId; then severity and message to make ties stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops exact repeats (same rule, place and message), which two paths to one finding can produce. */
export function dedupeDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.ruleId}\u0000${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.field ?? ''}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export type SeverityCounts = Pick<Summary, 'errors' | 'warnings' | 'infos'>;

export function countSeverities(list: readonly Diagnostic[]): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Final post-processing shared by every command: dedupe, sort, count; `unlisted` are findings counted but not listed (past a cap). */
export function finishResult(list: readonly Diagnostic[], records: RecordCounts, unlisted: SeverityCounts = { errors: 0, warnings: 0, infos: 0 }): CheckResult {
  const diagnostics = sortDiagnostics(dedupeDiagnostics(list));
  const listed = countSeverities(diagnostics);
  const counts = { errors: listed.errors + unlisted.errors, warnings: listed.warnings + unlisted.warnings, infos: listed.infos + unlisted.infos };
  return { diagnostics, summary: { ...counts, records } };
}
