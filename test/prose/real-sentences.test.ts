// The claim rules on real sentences of published reviews (test/fixtures/claims/real-sentences.txt): no false positive, and each expected finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRule } from '../helpers/rule-tester.ts';
import { registry } from '../../pipeline/checks/registry.ts';

const CLAIM_RULES = Object.keys(registry).filter((id) => id.startsWith('claim/'));

interface Case {
  line: number;
  settings: Map<string, string>;
  flags: Set<string>;
  template: string;
}

function readCases(): Case[] {
  const text = readFileSync(new URL('../fixtures/claims/real-sentences.txt', import.meta.url), 'utf8');
  return text.split('\n').flatMap((raw, index): Case[] => {
    if (raw.startsWith('#') || !raw.includes(' | ')) return [];
    const [head = '', ...rest] = raw.split(' | ');
    const settings = new Map<string, string>();
    const flags = new Set<string>();
    for (const word of head.trim().split(/\s+/)) {
      const [key, value] = word.split('=');
      if (value === undefined) flags.add(key ?? '');
      else settings.set(key ?? '', value);
    }
    return [{ line: index + 1, settings, flags, template: rest.join(' | ') }];
  });
}

/** The made-up records of a case: one reference and study `s`, and its one outcome row if the case has one. */
function tablesOf(entry: Case) {
  const design = entry.settings.get('design') ?? 'unknown';
  const comparator = entry.settings.get('comparator') ?? '';
  const tables = {
    references: 'id,status\ns,verified\n',
    studies: `id,reference_id,disease,design,comparator\ns,s,CTD,${design},${comparator}\n`,
    templates: { 'case.hbs': `<p>${entry.template}</p>\n` },
  } as { references: string; studies: string; outcomes?: string; vocabulary?: string; templates: Record<string, string> };
  const outcome = entry.settings.get('outcome');
  if (outcome) {
    const [name, measure, value, low, high, analysis = 'as_reported'] = outcome.split(',');
    tables.outcomes = `study_id,outcome,measure,arm,analysis,value,ci_low,ci_high\ns,${name},${measure},TCZ,${analysis},${value},${low},${high}\n`;
    tables.vocabulary = `kind,term\noutcome,${name}\n`;
  }
  return tables;
}

const cases = readCases();

describe('claim rules on real sentences', () => {
  it('holds at least 40 real sentences', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const entry of cases) {
    it(`line ${entry.line}: ${entry.template.slice(0, 40)}…`, () => {
      const tables = tablesOf(entry);
      const expected = entry.settings.get('expect');
      for (const ruleId of CLAIM_RULES) {
        const diagnostics = runRule(ruleId, tables).map((d) => `${ruleId} ${d.message}`);
        if (ruleId === expected) expect(diagnostics).toHaveLength(1);
        else expect(diagnostics).toEqual([]);
      }
    });
  }

  it('every case with an outcome draws it (a row the check would reject would make the case vacuous)', () => {
    for (const entry of cases.filter((c) => c.settings.has('outcome'))) {
      const diagnostics = runRule('record/invalid-value', tablesOf(entry)).concat(runRule('record/unknown-term', tablesOf(entry)));
      expect(diagnostics.map((d) => `line ${entry.line}: ${d.message}`)).toEqual([]);
    }
  });
});
