// The boxes of a review's flow.csv as the flow rules read them, and the sums that tie one box to the boxes before it.
import type { FlowRecord, RowSource } from '../schema/tables.ts';
import type { FlowKey, FlowReason } from '../normalise/flow.ts';
import { FLOW_KEYS } from '../normalise/flow.ts';

/** One box: its number (from `n`, or the sum of its reasons when `n` is empty) and the row it was read from. */
export interface FlowBox {
  key: FlowKey;
  n: number;
  reasons: readonly FlowReason[] | undefined;
  row: RowSource;
  /** The cell the number was read from, where a finding about it is reported. */
  field: 'n' | 'reasons';
}

const BOX_KEYS: ReadonlySet<string> = new Set(FLOW_KEYS);

/** The boxes of a flow, by key; the first row of a key counts (a second is reported by flow/arithmetic). */
export class FlowBoxes {
  private readonly boxes = new Map<FlowKey, FlowBox>();

  /** Adds a row; returns the earlier box of its key when the key was given before. */
  add(record: FlowRecord): FlowBox | undefined {
    const key = record.key;
    if (key === undefined || !BOX_KEYS.has(key)) return undefined;
    const earlier = this.boxes.get(key as FlowKey);
    if (earlier) return earlier;
    const reasons = record.reasons ?? record.n?.reasons;
    const n = record.n?.n ?? (record.reasons ? sum(record.reasons) : undefined);
    if (n !== undefined) this.boxes.set(key as FlowKey, { key: key as FlowKey, n, reasons, row: record.source, field: record.n ? 'n' : 'reasons' });
    return undefined;
  }

  get(key: FlowKey): FlowBox | undefined {
    return this.boxes.get(key);
  }

  get size(): number {
    return this.boxes.size;
  }
}

export function sum(reasons: readonly FlowReason[]): number {
  return reasons.reduce((total, reason) => total + reason.n, 0);
}

/** A box that must equal the boxes it follows from: `target = Σ plus − Σ minus`. */
export interface FlowSum {
  target: FlowKey;
  plus: readonly FlowKey[];
  minus: readonly FlowKey[];
  /** Whether enough boxes are given to check it (a box left out of a sum counts as 0 once this holds). */
  checkable(has: (key: FlowKey) => boolean): boolean;
}

/** What a sum found: the target's box, the number the others give, and the sum as the message shows it. */
export interface FlowMismatch {
  box: FlowBox;
  expected: number;
  /** `database_results 450 + register_results 50 − duplicates 80`. */
  expression: string;
}

export function checkSum(boxes: FlowBoxes, rule: FlowSum): FlowMismatch | undefined {
  const box = boxes.get(rule.target);
  if (!box || !rule.checkable((key) => boxes.get(key) !== undefined)) return undefined;
  let expected = 0;
  const parts: string[] = [];
  for (const [keys, sign] of [[rule.plus, 1], [rule.minus, -1]] as const) {
    for (const key of keys) {
      const term = boxes.get(key);
      if (!term) continue;
      expected += sign * term.n;
      parts.push(`${parts.length === 0 ? (sign < 0 ? '−' : '') : sign < 0 ? ' − ' : ' + '}${key} ${term.n}`);
    }
  }
  return expected === box.n ? undefined : { box, expected, expression: parts.join('') };
}
