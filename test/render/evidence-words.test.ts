// The shipped review's evidence table says each label once, puts each outcome in its declared column, and writes units in the document's language.
import { describe, expect, it } from 'vitest';
import type { Block, TableModel } from '../../pipeline/render/document/model.ts';
import { plainText } from '../../pipeline/render/document/model.ts';
import { OUTCOME_COLUMNS } from '../../pipeline/render/evidence-table.ts';
import { label } from '../../pipeline/render/labels.ts';
import { renderShipped } from './shipped.ts';

function tableOf(blocks: readonly Block[]): TableModel {
  for (const block of blocks) {
    if (block.kind === 'table') return block.table;
    if (block.kind === 'section') {
      const found = tableOf(block.blocks) as TableModel | undefined;
      if (found) return found;
    }
  }
  return undefined as unknown as TableModel;
}

describe.each(['zh', 'en'] as const)('the evidence table (%s)', (lang) => {
  const table = tableOf(renderShipped(lang).handout.blocks);
  const headings = table.head[0]?.cells.map((cell) => plainText(cell.runs)) ?? [];
  const column = (key: 'lungOutcomes' | 'otherOutcomes' | 'safety' | 'followUp' | 'n'): string[] =>
    table.body.filter((row) => row.kind === 'data').map((row) => plainText(row.cells[headings.indexOf(label(key, lang))]?.runs ?? []));
  const all = table.body.flatMap((row) => row.cells.map((cell) => plainText(cell.runs)));

  it('says each label once', () => {
    for (const text of all) {
      expect(text).not.toMatch(/(\S+) \1(?:\s|$)/);
      expect(text).not.toMatch(/每100患者年发生率 [\d.]+ per 100|rate per 100 patient-years [\d.]+ per 100/);
    }
  });

  it('puts each outcome in its declared column and baseline values with n', () => {
    expect(OUTCOME_COLUMNS['completion']).toBeUndefined();
    expect(column('safety').join(' ')).not.toMatch(/完成|completion/);
    expect(column('otherOutcomes').join(' ')).toMatch(lang === 'zh' ? /完成 82\/107/ : /completion 82\/107/);
    expect(column('lungOutcomes').join(' ')).not.toMatch(/基线|baseline/);
    expect(column('n').join(' ')).toMatch(lang === 'zh' ? /HRCT 61%［基线］/ : /HRCT 61% \[baseline\]/);
  });

  it('writes durations in the language of the document', () => {
    const followUp = column('followUp').join(' ');
    if (lang === 'zh') {
      expect(followUp).toContain('30 个月');
      expect(followUp).not.toMatch(/months|weeks/);
    } else {
      expect(followUp).toContain('30 months');
      expect(all.join(' ')).not.toMatch(/个月|\d 周/);
    }
  });
});
