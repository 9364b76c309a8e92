// Keeps the benchmark code working: the generated data holds its intended mistakes, and a tiny run of the runner completes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRecords, type RecordsInput } from '../../pipeline/run.ts';
import { generateRecords } from '../../bench/generate.ts';
import { BAD_ROW_KINDS, RULE_FOR_KIND } from '../../bench/synthetic/bad-rows.ts';
import { quickOptions, runBench } from '../../bench/run.ts';
import { resultsMarkdown, updateReadme, RESULTS_END, RESULTS_START } from '../../bench/report.ts';

const scratch = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function recordsInput(dir: string): RecordsInput {
  const file = (name: string) => ({ path: `${name}.csv`, bytes: readFileSync(join(dir, `${name}.csv`)) });
  return { tables: { references: file('references'), studies: file('studies'), outcomes: file('outcomes') } };
}

describe('bench/generate.ts', () => {
  it('plants every kind of bad row, and the check reports each with its rule', async () => {
    const dir = join(scratch, 'records-600');
    const manifest = await generateRecords(dir, 600);
    const { result } = checkRecords(recordsInput(dir), { keepOutcomes: false });
    const ruleIds = new Set(result.diagnostics.map((d) => d.ruleId));
    for (const kind of BAD_ROW_KINDS) {
      expect(manifest.badRows[kind], kind).toBeGreaterThan(0);
      expect(ruleIds, kind).toContain(RULE_FOR_KIND[kind]);
    }
    // The planted rows are the only errors: the rest of the data is consistent.
    expect(result.summary.errors).toBe(Object.values(manifest.badRows).reduce((a, b) => a + b, 0));
  });

  it('counts every row read as accepted or rejected; the rejected ones are the unreadable bad rows', async () => {
    const dir = join(scratch, 'records-500');
    const manifest = await generateRecords(dir, 500);
    const { read, accepted, rejected } = checkRecords(recordsInput(dir), { keepOutcomes: false }).result.summary.records;
    expect(read).toBe(accepted + rejected);
    expect(read).toBe(500 + manifest.studies + manifest.references);
    expect(rejected).toBe(manifest.badRows['word-in-number'] + manifest.badRows['ragged-row']);
  });

  it('writes the same bytes for the same seed', async () => {
    const [a, b] = [join(scratch, 'same-a'), join(scratch, 'same-b')];
    await generateRecords(a, 200, 7);
    await generateRecords(b, 200, 7);
    for (const name of ['references.csv', 'studies.csv', 'outcomes.csv']) expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
  });
});

describe('bench/run.ts', () => {
  it('runs the check benchmark on tiny data in fresh processes and evaluates the targets', async () => {
    const results = await runBench({
      ...quickOptions(),
      mode: 'custom',
      groups: ['check'],
      checkSizes: [300],
      runs: { small: 1, large: 1 },
      warmup: false,
      dataDir: join(scratch, 'data'),
      output: undefined,
      log: () => {},
    });
    const [check] = results.benchmarks;
    expect(check?.subject.error).toBeUndefined();
    expect(check?.baseline?.error).toBeUndefined();
    expect(check?.subject.samples).toHaveLength(1);
    expect(check?.ratio).toBeGreaterThan(0);
    expect(check?.subject.details?.read).toBe(300 + 2 * (results.datasets['300']?.studies ?? 0));
    expect(results.targets.find((t) => t.id === 'check-vs-csv-parse')?.note).toBe('check-100k was not run');
    expect(resultsMarkdown(results)).toContain('| review check, 300 outcome rows | 1 |');
  }, 30_000);

  it('rewrites only the block between the results markers', () => {
    const readme = join(scratch, 'README.md');
    writeFileSync(readme, `# Title\n\n${RESULTS_START}\nold\n${RESULTS_END}\n\nafter\n`);
    updateReadme(readme, 'new table');
    updateReadme(readme, 'newer table');
    expect(readFileSync(readme, 'utf8')).toBe(`# Title\n\n${RESULTS_START}\nnewer table\n${RESULTS_END}\n\nafter\n`);
  });
});
