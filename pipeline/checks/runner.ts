// Runs the registered rules over ingest facts and records, stamping each finding with its rule id and severity.
import type { Diagnostic, Severity, SeverityCounts } from '../diagnostic.ts';
import type { Vocabulary } from '../normalise/vocabulary.ts';
import type { RowSource } from '../schema/tables.ts';
import type { Finding, MessageData, Place, RecordIndex, RuleModule, RuleVisitors } from './types.ts';

/** Per-rule severity overrides; `off` disables a rule. */
export type SeverityConfig = Readonly<Record<string, Severity | 'off'>>;

export interface RuleSetOptions {
  vocabulary: Vocabulary;
  index: RecordIndex;
  severities?: SeverityConfig;
  /** Only these rule ids run (all registered rules when absent). */
  only?: ReadonlySet<string>;
}

type VisitorName = keyof RuleVisitors;
type VisitorArgument<Name extends VisitorName> = Parameters<NonNullable<RuleVisitors[Name]>>;

/** The instantiated rules of one run, and the diagnostics they have reported. */
export interface RuleSet {
  visit<Name extends VisitorName>(name: Name, ...args: VisitorArgument<Name>): void;
  /** What the rules reported, at most MAX_FINDINGS_PER_RULE_AND_FILE per rule and file, then one closing finding for the rest. */
  readonly diagnostics: Diagnostic[];
  /** The findings past the cap, by severity, beyond the closing finding each group has: a summary counts every finding. */
  readonly unlistedCounts: SeverityCounts;
}

/**
 * Findings listed per rule and file. Past it a rule's findings in that file are counted, not kept,
 * and one closing finding says how many more there were: four million ragged rows must not become
 * four million diagnostics in memory, nor a report no one can read.
 */
export const MAX_FINDINGS_PER_RULE_AND_FILE = 1000;

/** The findings of one rule in one file past the cap: how many, and where the first of them was. */
interface Unlisted {
  ruleId: string;
  severity: Severity;
  place: Place;
  count: number;
}

export function createRuleSet(rules: Readonly<Record<string, RuleModule>>, options: RuleSetOptions): RuleSet {
  const listed: Diagnostic[] = [];
  const unlisted: Unlisted[] = [];
  const active: RuleVisitors[] = [];
  for (const [ruleId, rule] of Object.entries(rules)) {
    if (options.only && !options.only.has(ruleId)) continue;
    const configured = options.severities?.[ruleId];
    if (configured === 'off') continue;
    const severity = configured ?? rule.meta.severity;
    const perFile = new Map<string, number>();
    const pastCap = new Map<string, Unlisted>();
    const stamp = (place: Place, finding: Finding, field?: string): void => {
      const count = perFile.get(place.file) ?? 0;
      if (count < MAX_FINDINGS_PER_RULE_AND_FILE) {
        perFile.set(place.file, count + 1);
        listed.push(toDiagnostic(ruleId, severity, rule.meta.messages, place, finding, field));
        return;
      }
      const more = pastCap.get(place.file);
      if (more !== undefined) more.count++;
      else {
        const first: Unlisted = { ruleId, severity, place, count: 1 };
        pastCap.set(place.file, first);
        unlisted.push(first);
      }
    };
    active.push(
      rule.create({
        vocabulary: options.vocabulary,
        index: options.index,
        report: (place, finding) => stamp(place, finding),
        reportField: (row, field, finding) => stamp(placeOfField(row, field), finding, field),
      }),
    );
  }
  return {
    get diagnostics() {
      return unlisted.length === 0 ? listed : listed.concat(unlisted.map(closingFinding));
    },
    get unlistedCounts() {
      const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
      for (const { severity, count } of unlisted) counts[SEVERITY_COUNT[severity]] += count - 1;
      return counts;
    },
    visit(name, ...args) {
      for (const visitors of active) {
        const visitor = visitors[name] as ((...a: typeof args) => void) | undefined;
        visitor?.apply(visitors, args);
      }
    },
  };
}

const SEVERITY_COUNT = { error: 'errors', warning: 'warnings', info: 'infos' } as const;

/** The one finding that stands for a rule's findings past the cap in a file, placed at the first of them. */
function closingFinding({ ruleId, severity, place, count }: Unlisted): Diagnostic {
  const message = `and ${count} more ${count === 1 ? 'finding' : 'findings'} of ${ruleId} in this file, not listed (a report lists the first ${MAX_FINDINGS_PER_RULE_AND_FILE} of each rule in each file)`;
  return { ruleId, severity, file: place.file, line: place.line, column: place.column, message };
}

/** A field's cell, or the row's first column when the table has no such column. */
export function placeOfField(row: RowSource, field: string | undefined): Place {
  const cell = field === undefined ? undefined : row.cell(field);
  return cell ? { file: row.file, line: cell.line, column: cell.column } : { file: row.file, line: row.line, column: 1 };
}

function toDiagnostic(
  ruleId: string,
  severity: Severity,
  messages: Readonly<Record<string, string>>,
  place: Place,
  finding: Finding,
  field: string | undefined,
): Diagnostic {
  const template = messages[finding.messageId];
  if (template === undefined) throw new Error(`rule ${ruleId} has no message '${finding.messageId}'`);
  const diagnostic: Diagnostic = {
    ruleId,
    severity,
    file: place.file,
    line: place.line,
    column: place.column,
    message: interpolate(template, finding.data ?? {}),
  };
  if (place.endLine !== undefined) diagnostic.endLine = place.endLine;
  if (place.endColumn !== undefined) diagnostic.endColumn = place.endColumn;
  if (field !== undefined) diagnostic.field = field;
  if (finding.actual !== undefined) diagnostic.actual = displayText(finding.actual);
  if (finding.expected !== undefined) diagnostic.expected = displayText(finding.expected);
  if (finding.suggestion !== undefined) diagnostic.suggestion = displayText(finding.suggestion);
  return diagnostic;
}

/** The longest piece of data shown in a message or an `actual`: a 10 MB cell must not become a 10 MB message. */
const MAX_SHOWN = 200;
// Line breaks of every kind (a message is one line) and other control characters (an ESC from a cell
// must not drive the reader's terminal), shown as Unicode's control pictures.
const LINE_BREAKS = /[\r\n\u000b\u000c\u0085\u2028\u2029]+/g;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Data as a report may show it: one line, no control characters, at most MAX_SHOWN characters. */
export function displayText(value: string): string {
  const oneLine = value.replace(LINE_BREAKS, ' ').replace(CONTROLS, (c) => String.fromCharCode(c.charCodeAt(0) < 0x20 ? 0x2400 + c.charCodeAt(0) : 0xfffd));
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}

/** Fills `{{name}}` placeholders with data made safe to show; a placeholder without data stays visible rather than vanishing. */
export function interpolate(template: string, data: MessageData): string {
  // Pieces joined once: replace() with a callback builds the message as a tree of concatenations,
  // and a large check holds tens of thousands of messages until the end (a third of its heap).
  const pieces: string[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const value = data[match[1] as string];
    pieces.push(template.slice(from, match.index), value === undefined ? match[0] : displayText(String(value)));
    from = match.index + match[0].length;
  }
  pieces.push(template.slice(from));
  return pieces.join('');
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
