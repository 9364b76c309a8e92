// SARIF output validated against the official SARIF 2.1.0 schema (vendored, see test/fixtures/sarif/SOURCE.md) with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../pipeline/report/sarif.ts';
import { markBaseline } from '../../pipeline/report/baseline.ts';
import { finishResult, type Diagnostic } from '../../pipeline/diagnostic.ts';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's own `language` pattern has a stray `]`, valid only as a non-unicode regular expression.
// Both are CommonJS with an `exports.default`: under NodeNext the default import is the module object.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const diagnostics: Diagnostic[] = [
  { ruleId: 'consistency/percentage', severity: 'error', file: 'records/outcomes.csv', line: 12, column: 31, field: 'percent', message: '14 of 25 is 56%, but percent is 50' },
  { ruleId: 'reference/unverified', severity: 'warning', file: 'records/references.csv', line: 3, column: 20, endLine: 3, endColumn: 30, message: 'reference r2 is unverified' },
  { ruleId: 'record/encoding', severity: 'info', file: 'records/studies.csv', line: 1, column: 1, message: 'decoded as GB18030' },
];
const result = finishResult(diagnostics, { read: 3, accepted: 3, rejected: 0 });
const descriptions = { 'consistency/percentage': 'percent agrees with count / denominator', 'reference/unverified': 'unverified references', 'record/encoding': 'encoding' };

interface SarifLog {
  runs: {
    columnKind: string;
    tool: { driver: { informationUri?: string; rules: { id: string; helpUri?: string }[] } };
    results: { ruleId: string; baselineState?: string; level: string }[];
  }[];
}

function expectValid(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const valid = validate(log);
  expect(validate.errors ?? [], 'schema errors').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('SARIF 2.1.0', () => {
  it('without a docs URL: valid, no helpUri (SARIF wants absolute ones), columns in UTF-16 code units', () => {
    const log = expectValid(formatSarif(result, { toolVersion: '1.2.3', ruleDescriptions: descriptions }));
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.rules.map((r) => r.helpUri)).toEqual([undefined, undefined, undefined]);
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(run.results.every((r) => r.baselineState === undefined)).toBe(true);
  });

  it('with a docs URL: absolute helpUri for each rule and the informationUri', () => {
    const log = expectValid(formatSarif(result, { toolVersion: '1.2.3', ruleDescriptions: descriptions, docsUrl: 'https://example.org/review/docs/rules/' }));
    const driver = log.runs[0]!.tool.driver;
    expect(driver.informationUri).toBe('https://example.org/review/docs/rules/');
    expect(driver.rules.map((r) => r.helpUri)).toEqual([
      'https://example.org/review/docs/rules/consistency/percentage.md',
      'https://example.org/review/docs/rules/record/encoding.md',
      'https://example.org/review/docs/rules/reference/unverified.md',
    ]);
  });

  it('with a baseline: each result is new or unchanged, new ones first', () => {
    const marked = markBaseline(result, [{ ruleId: 'reference/unverified', file: 'records/references.csv', message: 'reference r2 is unverified' }]);
    const log = expectValid(formatSarif(marked, { toolVersion: '1.2.3', ruleDescriptions: descriptions, baselineRef: 'origin/main' }));
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['consistency/percentage', 'new'],
      ['record/encoding', 'new'],
      ['reference/unverified', 'unchanged'],
    ]);
  });

  it('the validator does reject an invalid log (a relative helpUri, a wrong columnKind)', () => {
    const log = JSON.parse(formatSarif(result, { toolVersion: '1', ruleDescriptions: descriptions })) as SarifLog & { runs: { tool: { driver: { rules: { helpUri?: string }[] } } }[] };
    log.runs[0]!.columnKind = 'bytes';
    log.runs[0]!.tool.driver.rules[0]!.helpUri = 'docs/rules/x.md';
    expect(validate(log)).toBe(false);
    expect((validate.errors ?? []).map((e: { instancePath: string }) => e.instancePath).sort()).toEqual(['/runs/0/columnKind', '/runs/0/tool/driver/rules/0/helpUri']);
  });
});
