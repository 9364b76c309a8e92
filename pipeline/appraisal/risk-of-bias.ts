// A review's risk_of_bias.csv as assessments: one study (and result) judged with one tool, its judgements by domain, from either shape of the table.
import { getOrInsert } from '../memo.ts';
import { BIAS_WIDE_DOMAINS, type RiskOfBiasRecord, type RowSource } from '../schema/tables.ts';
import { OVERALL, resolveDomain, type BiasTool, type Judgement } from '../normalise/risk-of-bias.ts';

/** One judgement as written: its domain (`D3`, `overall`), the word, and the cell it stands in. */
export interface BiasCell {
  domain: string;
  judgement: Judgement | undefined;
  /** The cell holds text: when `judgement` is undefined, a word that did not validate (record/invalid-value reports it). */
  written: boolean;
  row: RowSource;
  /** `judgement` in the long shape; the domain's own column (`d3`, `overall`) in robvis's wide shape. */
  field: string;
}

/** A domain cell the tool does not know (`D6` for RoB 2). */
export interface UnknownDomain {
  raw: string;
  row: RowSource;
}

/** One study (or one result of it, `outcome`) judged with one tool. `tool` is undefined when a long row does not say. */
export interface BiasAssessment {
  study: string;
  outcome: string | undefined;
  tool: BiasTool | undefined;
  /** The first row of the assessment, where a finding about the whole is reported. */
  row: RowSource;
  cells: BiasCell[];
  unknown: UnknownDomain[];
  /** Long rows that name neither a domain nor a judgement column. */
  empty: RowSource[];
}

/**
 * robvis's wide CSV has no tool column (robvis is told the tool): a row with D6 or D7 columns is
 * ROBINS-I, else RoB 2. A `tool` column, when given, says it outright.
 */
function wideTool(record: RiskOfBiasRecord): BiasTool {
  return record.tool ?? (record.source.cell('d6') !== undefined || record.source.cell('d7') !== undefined ? 'robins-i' : 'rob2');
}

function isWritten(row: RowSource, column: string): boolean {
  return (row.cell(column)?.raw.trim() ?? '') !== '';
}

function isWide(record: RiskOfBiasRecord): boolean {
  return BIAS_WIDE_DOMAINS.some((column) => record.source.cell(column) !== undefined);
}

/** Collects the rows of risk_of_bias.csv into assessments, in the order of their first rows. */
export class BiasAssessments {
  private readonly byKey = new Map<string, BiasAssessment>();

  add(record: RiskOfBiasRecord): void {
    if (record.study_id === undefined) return;
    const wide = isWide(record);
    const tool = wide ? wideTool(record) : record.tool;
    const study = record.study_id;
    const key = [study, record.outcome ?? '', tool ?? ''].join('\u001f');
    const assessment = getOrInsert(this.byKey, key, () => ({ study, outcome: record.outcome, tool, row: record.source, cells: [], unknown: [], empty: [] }));
    if (wide) {
      for (const column of BIAS_WIDE_DOMAINS) {
        if (record.source.cell(column) === undefined) continue;
        const domain = column === 'overall' ? OVERALL : column.toUpperCase();
        assessment.cells.push({ domain, judgement: record[column], written: isWritten(record.source, column), row: record.source, field: column });
      }
      return;
    }
    if (record.domain === undefined) {
      assessment.empty.push(record.source);
      return;
    }
    const domain = tool === undefined ? undefined : resolveDomain(tool, record.domain);
    if (tool !== undefined && domain === undefined) assessment.unknown.push({ raw: record.domain, row: record.source });
    else assessment.cells.push({ domain: domain ?? record.domain, judgement: record.judgement, written: isWritten(record.source, 'judgement'), row: record.source, field: 'judgement' });
  }

  all(): Iterable<BiasAssessment> {
    return this.byKey.values();
  }
}

/** Who is judged, as a message names it: `study s1` or `study s1, outcome fvc`. */
export function judged(assessment: BiasAssessment): string {
  return assessment.outcome === undefined ? `study ${assessment.study}` : `study ${assessment.study}, outcome ${assessment.outcome}`;
}

export const TOOL_NAMES: Readonly<Record<BiasTool, string>> = { rob2: 'RoB 2', 'robins-i': 'ROBINS-I', rob1: 'RoB 1' };
