// Benchmark child: `review analyse`'s work on a records folder. Times the analyses (records → engine → results) inside the process, after the check.
// Usage: node --import tsx bench/cases/analyse.ts --records DIR
import { join } from 'node:path';
import { readRecordsFolder } from '../../pipeline/cli/files.ts';
import { checkRecords } from '../../pipeline/run.ts';
import { analyseRecords } from '../../pipeline/synthesis/analyse.ts';
import { options, runChild, writeReport } from './child.ts';

runChild('analyse', async () => {
  const args = options(['records'] as const);
  const loadStarted = performance.now();
  const { dataset } = checkRecords(readRecordsFolder(join(process.cwd(), args.records), process.cwd()));
  const loadMs = performance.now() - loadStarted;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const results = analyseRecords(dataset);
  const innerMs = performance.now() - started;
  // CPU time too: on a shared machine the wall time of one call mostly measures the other processes.
  const cpu = process.cpuUsage(cpuStarted);
  const innerCpuMs = (cpu.user + cpu.system) / 1000;
  const studies = results.reduce((sum, result) => sum + (result.synthesis?.studies.length ?? 0), 0);
  writeReport({ innerMs, innerCpuMs, loadMs, analyses: results.length, studies });
});
