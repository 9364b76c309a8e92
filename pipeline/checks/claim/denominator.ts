// claim/denominator: a paragraph gives a study's number of patients, then percentages of that study over another denominator without saying so.
import type { OutcomeRecord, StudyRecord } from '../../schema/tables.ts';
import type { Draw } from '../../prose/draws.ts';
import { drawPlace } from '../../prose/scope.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: "A paragraph gives a study's number of patients, then percentages of that study over a different denominator without saying so",
    messages: {
      otherDenominator: 'percentages of {{denominator}} patients, but the paragraph gave {{n}} patients for {{study}} on line {{line}} and does not say {{denominator}}',
    },
  },
  create(context) {
    return {
      prose(document) {
        for (const paragraph of document.paragraphs) {
          const stated = new Map<string, { n: number; line: number }>();
          const said = new Set<number>();
          const reported = new Set<string>();
          for (const sentence of paragraph.sentences) {
            for (const event of inReadingOrder(sentence.sentence.text, sentence.draws)) {
              if (typeof event === 'number') {
                said.add(event);
                continue;
              }
              const { study, field } = event;
              if (!study) continue;
              const row = event.rows.length === 1 ? event.rows[0] : undefined;
              const patients = patientsOf(event, study, row);
              if (patients !== undefined) {
                said.add(patients.value);
                if (patients.isStudyN && study.id !== undefined && !stated.has(study.id)) stated.set(study.id, { n: patients.value, line: event.call.line });
                continue;
              }
              if (field !== 'percent' || !row || study.id === undefined) continue;
              const given = stated.get(study.id);
              const denominator = denominatorOf(row);
              if (!given || denominator === undefined || denominator === given.n || said.has(denominator)) continue;
              const key = `${study.id}\u0000${denominator}`;
              if (reported.has(key)) continue;
              reported.add(key);
              context.report(drawPlace(document.file, event), {
                messageId: 'otherDenominator',
                data: { denominator, study: study.id, n: given.n, line: given.line },
                actual: String(denominator),
                expected: String(given.n),
              });
            }
          }
        }
      },
    };
  },
});

/** The numbers a sentence writes out and the calls it makes, in the order a reader meets them. */
function inReadingOrder(text: string, draws: readonly Draw[]): (number | Draw)[] {
  const events: { offset: number; event: number | Draw }[] = draws.map((draw) => ({ offset: draw.call.offset, event: draw }));
  for (const match of text.matchAll(/\d+/g)) events.push({ offset: match.index, event: Number(match[0]) });
  return events.sort((a, b) => a.offset - b.offset).map((e) => e.event);
}

/** A number of patients a call shows: a study's n, or an outcome row's denominator, n or count. */
function patientsOf(draw: Draw, study: StudyRecord, row: OutcomeRecord | undefined): { value: number; isStudyN: boolean } | undefined {
  if (draw.call.name === 'study' && (draw.field === 'n_enrolled' || draw.field === 'n_analysed')) {
    const value = study[draw.field];
    return value === undefined ? undefined : { value, isStudyN: true };
  }
  if (draw.call.name === 'outcome' && row && (draw.field === 'denominator' || draw.field === 'n' || draw.field === 'count')) {
    const value = row[draw.field];
    return value === undefined ? undefined : { value, isStudyN: false };
  }
  return undefined;
}

/** What a row's percent is of: its denominator, else its n, else what its count and percent imply. */
function denominatorOf(row: OutcomeRecord): number | undefined {
  if (row.denominator !== undefined) return row.denominator;
  if (row.n !== undefined) return row.n;
  if (row.count !== undefined && row.percent !== undefined && row.percent.value > 0) {
    const implied = (row.count * 100) / row.percent.value;
    if (Math.abs(implied - Math.round(implied)) < 0.05) return Math.round(implied);
  }
  return undefined;
}
