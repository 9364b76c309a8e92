// consistency/subgroup-sum: the mutually exclusive categories of one outcome (stable/improved/worse …) must add up to their denominator.
import { rowSourceWith, type OutcomeRecord, type RowSource } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';
import { getOrInsert } from '../../memo.ts';

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
 * count stands, never the records themselves. A check holds one per group to the end (130k at a
 * million outcome rows), so it is a class with every field in the object, and its strings are shared.
 */
class FamilyTally {
  readonly family: readonly string[];
  readonly outcome: string;
  /** The categories added, in the order of their rows and with repeats ("stable + improved"), as the message shows them. */
  added = '';
  /** One bit per category of the family that has a row: which are present, and whether all are. */
  present = 0;
  sum = 0;
  /** The first denominator the family's rows give; rows without one are read as sharing it. */
  denominator: number | undefined = undefined;
  /** Set when two rows disagree on the denominator: the sum then has no single total to meet. */
  mixed = false;
  /** The latest row (the one that completed the group) and its count cell, where the finding is reported. */
  file: string;
  line: number;
  index: number;
  countRaw = '';
  countLine = 0;
  countColumn = 0;

  constructor(family: readonly string[], record: OutcomeRecord) {
    this.family = family;
    this.outcome = record.outcome ?? '';
    this.file = record.source.file;
    this.line = record.source.line;
    this.index = record.source.index;
  }
}

function familyOf(category: string): readonly string[] | undefined {
  return FAMILIES.find((family) => family.includes(category));
}

/**
 * Keys for groups: rows of one outcome, measure, arm, timepoint and analysis of one study belong
 * together. A group is named by two interned numbers (its study, and its outcome/measure/arm/timepoint/
 * analysis/family, of which a review has few), not by a string of every field per group.
 */
class GroupNumbers {
  private readonly studies = new Map<string | undefined, number>();
  private readonly kinds = new Map<string, number>();
  /** Category sequences as the messages show them: a few distinct texts, shared by every group. */
  private readonly sequences = new Map<string, string>();

  of(record: OutcomeRecord, family: readonly string[]): string {
    const study = intern(this.studies, record.study_id);
    // A control character that real cells do not hold, so that joined fields cannot run into each other.
    const kind = intern(this.kinds, [record.outcome, record.measure, record.arm, record.timepoint?.raw, record.analysis, family[0]].join('\u001f'));
    // Two small numbers make a short key ("4821 17"), where the fields themselves made one of ~80 characters.
    return `${study} ${kind}`;
  }

  /** "stable + improved", shared between the groups that added the same categories in the same order. */
  sequence(before: string, category: string): string {
    const text = before === '' ? category : [before, category].join(' + ');
    return getOrInsert(this.sequences, text, () => text);
  }
}

/** The number of `key` in `map`: the next one the first time it is seen. */
function intern<Key>(map: Map<Key, number>, key: Key): number {
  return getOrInsert(map, key, () => map.size);
}

/** A row source holding only the count cell: enough to report at it. */
function countRow(tally: FamilyTally): RowSource {
  const count = tally.countLine === 0 ? undefined : { raw: tally.countRaw, line: tally.countLine, column: tally.countColumn };
  return rowSourceWith(tally, { count });
}

function addRow(context: RuleContext<MessageId>, numbers: GroupNumbers, tally: FamilyTally, record: OutcomeRecord, category: string, count: number): void {
  tally.added = numbers.sequence(tally.added, category);
  tally.present |= 1 << tally.family.indexOf(category);
  tally.sum += count;
  tally.file = record.source.file;
  tally.line = record.source.line;
  tally.index = record.source.index;
  const countCell = record.source.cell('count');
  tally.countRaw = countCell?.raw ?? '';
  tally.countLine = countCell?.line ?? 0;
  tally.countColumn = countCell?.column ?? 0;
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
  const data = { categories: tally.added, sum, denominator };
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
    const numbers = new GroupNumbers();
    const tallies = new Map<string, FamilyTally>();
    return {
      outcome(record) {
        const { category, count } = record;
        if (category === undefined || count === undefined) return;
        const family = familyOf(category);
        if (family === undefined) return;
        const group = numbers.of(record, family);
        const tally = getOrInsert(tallies, group, () => new FamilyTally(family, record));
        addRow(context, numbers, tally, record, category, count);
      },
      end() {
        for (const tally of tallies.values()) finishFamily(context, tally);
        tallies.clear();
      },
    };
  },
});
