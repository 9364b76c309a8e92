// consistency/subgroup-sum: the mutually exclusive categories of one outcome (stable/improved/worse …) must add up to their denominator.
import { rowSourceWith, type OutcomeRecord, type RowSource, type SourceCell } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'notTotal' | 'exceeds' | 'denominators';

/**
 * Sets of categories that split one population without overlap. Other categories (remission,
 * resolved) are subsets of "improved" and would be counted twice, so they are never summed.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['stable', 'improved', 'worse'],
  ['responder', 'non-responder'],
];

/**
 * What is kept of one family within one group until the end: a few numbers and where the latest
 * count stands, never the records themselves, so that a million outcome rows stream in little memory.
 */
interface FamilyTally {
  family: readonly string[];
  outcome: string;
  /**
   * The categories added, in the order of their rows and with repeats, as the message shows them
   * ("stable + improved"); joined only when reported, since a large check holds a tally per group.
   */
  added: string[];
  /** One bit per category of the family that has a row: which are present, and whether all are. */
  present: number;
  sum: number;
  /** The first denominator the family's rows give; rows without one are read as sharing it. */
  denominator: number | undefined;
  /** Set when two rows disagree on the denominator: the sum then has no single total to meet. */
  mixed: boolean;
  /** The latest row (the one that completed the group) and its count cell, where the finding is reported. */
  file: string;
  line: number;
  index: number;
  countCell: SourceCell | undefined;
}

/** How the message names the categories added. */
function addedText(tally: FamilyTally): string {
  return tally.added.join(' + ');
}

function familyOf(category: string): readonly string[] | undefined {
  return FAMILIES.find((family) => family.includes(category));
}

// A control character that real cells do not hold, so that joined fields cannot run into each other.
const KEY_SEPARATOR = '\u001f';

/** Rows of one outcome, measure, arm, timepoint and analysis of one study belong together. */
function groupKey(record: OutcomeRecord, family: readonly string[]): string {
  const fields = [record.study_id, record.outcome, record.measure, record.arm, record.timepoint?.raw, record.analysis, family[0]];
  return fields.join(KEY_SEPARATOR);
}

/** A row source holding only the count cell: enough to report at it. */
function countRow(tally: FamilyTally): RowSource {
  return rowSourceWith(tally, { count: tally.countCell });
}

function newTally(family: readonly string[], record: OutcomeRecord): FamilyTally {
  const { file, line, index } = record.source;
  return { family, outcome: record.outcome ?? '', added: [], present: 0, sum: 0, denominator: undefined, mixed: false, file, line, index, countCell: undefined };
}

function addRow(context: RuleContext<MessageId>, tally: FamilyTally, record: OutcomeRecord, category: string, count: number): void {
  tally.added.push(category);
  tally.present |= 1 << tally.family.indexOf(category);
  tally.sum += count;
  tally.file = record.source.file;
  tally.line = record.source.line;
  tally.index = record.source.index;
  tally.countCell = record.source.cell('count');
  const denominator = record.denominator;
  if (denominator === undefined) return;
  if (tally.denominator === undefined) {
    tally.denominator = denominator;
  } else if (denominator !== tally.denominator) {
    tally.mixed = true;
    context.reportField(record.source, 'denominator', {
      messageId: 'denominators',
      data: { outcome: tally.outcome, first: tally.denominator, other: denominator },
      actual: String(denominator),
      expected: String(tally.denominator),
    });
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function finishFamily(context: RuleContext<MessageId>, tally: FamilyTally): void {
  const { denominator, sum } = tally;
  if (tally.mixed || denominator === undefined || bitCount(tally.present) < 2) return;
  const complete = tally.present === (1 << tally.family.length) - 1;
  const data = { categories: addedText(tally), sum, denominator };
  if (complete && sum !== denominator) {
    context.reportField(countRow(tally), 'count', { messageId: 'notTotal', data, actual: String(sum), expected: String(denominator) });
  } else if (!complete && sum > denominator) {
    context.reportField(countRow(tally), 'count', { messageId: 'exceeds', data, actual: String(sum), expected: `at most ${denominator}` });
  }
}

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'Categories of one outcome (stable/improved/worse) do not add up to their denominator',
    messages: {
      notTotal: '{{categories}} = {{sum}}, but denominator is {{denominator}}',
      exceeds: '{{categories}} = {{sum}}, more than denominator {{denominator}}',
      denominators: 'categories of {{outcome}} have different denominators ({{first}} and {{other}})',
    },
  },
  create(context) {
    const tallies = new Map<string, FamilyTally>();
    return {
      outcome(record) {
        const { category, count } = record;
        if (category === undefined || count === undefined) return;
        const family = familyOf(category);
        if (family === undefined) return;
        const key = groupKey(record, family);
        let tally = tallies.get(key);
        if (tally === undefined) {
          tally = newTally(family, record);
          tallies.set(key, tally);
        }
        addRow(context, tally, record, category, count);
      },
      end() {
        for (const tally of tallies.values()) finishFamily(context, tally);
        tallies.clear();
      },
    };
  },
});
