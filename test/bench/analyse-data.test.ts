// The analyse benchmark's made-up data: every study pools in every analysis, and the records check clean.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAnalyseData } from '../../bench/analyse-data.ts';
import { readRecordsFolder } from '../../pipeline/cli/files.ts';
import { checkRecords } from '../../pipeline/run.ts';
import { analyseRecords } from '../../pipeline/synthesis/analyse.ts';

const scratch = mkdtempSync(join(tmpdir(), 'review-analyse-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bench/analyse-data.ts', () => {
  it('writes records whose 10 analyses each pool every study, without errors', () => {
    const dir = ensureAnalyseData(scratch, 40);
    const { result, dataset } = checkRecords(readRecordsFolder(dir, scratch));
    expect(result.summary.errors).toBe(0);
    const analyses = analyseRecords(dataset);
    expect(analyses).toHaveLength(10);
    for (const analysis of analyses) {
      expect(analysis.problem).toBeUndefined();
      expect(analysis.synthesis?.pooled?.k).toBe(40 - analysis.notEstimable.length);
      expect(analysis.notEstimable.length).toBeLessThanOrEqual(2);
    }
  });
});
