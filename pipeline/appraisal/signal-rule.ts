// The shape of the certainty rules that compare a rating with its pooled result: a rating `not serious` while the result shows a reason to rate down.
import type { AnalysisFactsSource, PooledSummary } from './certainty.ts';
import type { CertaintyRecord } from '../schema/tables.ts';
import { defineRule, type RuleModule } from '../checks/types.ts';

/** A number of a pooled result as a message shows it: two decimals at most (0.1546 → 0.15). */
function shown(value: number): string {
  return String(Number(value.toFixed(2)));
}

export interface SignalRuleSpec<Signal extends { kind: string }> {
  column: 'inconsistency' | 'imprecision';
  description: string;
  /** One message per kind of signal; `{{analysis}}`, `{{null}}` and the signal's fields (numbers shown rounded). */
  messages: Readonly<Record<Signal['kind'], string>>;
  signal(pooled: PooledSummary): Signal | undefined;
  source: () => AnalysisFactsSource;
}

export function signalRule<Signal extends { kind: string }>(spec: SignalRuleSpec<Signal>): RuleModule {
  return defineRule<string>({
    meta: { severity: 'warning', description: spec.description, messages: spec.messages },
    create(context) {
      const analyses = spec.source();
      const rows: CertaintyRecord[] = [];
      return {
        ...analyses.visitors,
        certainty: (record) => void rows.push(record),
        end() {
          for (const row of rows) {
            if (row.analysis_id === undefined || row[spec.column] !== 'not serious') continue;
            const pooled = analyses.facts(row.analysis_id)?.pooled;
            const signal = pooled && spec.signal(pooled);
            if (!pooled || !signal) continue;
            const data: Record<string, string> = { analysis: row.analysis_id, null: String(pooled.nullValue) };
            for (const [name, value] of Object.entries(signal)) {
              if (name === 'i2' && typeof value === 'number') data[name] = String(Math.round(value));
              else if (typeof value === 'number') data[name] = name === 'events' || name === 'participants' ? String(value) : shown(value);
            }
            context.reportField(row.source, spec.column, { messageId: signal.kind, data, actual: 'not serious', expected: 'serious' });
          }
        },
      };
    },
  });
}
