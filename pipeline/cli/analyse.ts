// `review analyse`: checks the records, runs the meta-analyses of analyses.csv and prints them (a table, or JSON).
import { resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { checkRecords } from '../run.ts';
import { analyseRecords, analysisIds } from '../synthesis/analyse.ts';
import { formatAnalysesJson, formatAnalysesText } from '../report/analyses.ts';
import type { CliOptions } from './args.ts';
import { readRecordsFolder } from './files.ts';
import { exitCodeFor, projectConfig } from './check.ts';
import type { CliIO } from './io.ts';

export function runAnalyseCommand(options: CliOptions, io: CliIO): number {
  const config = projectConfig(options, io);
  const input = readRecordsFolder(resolve(io.cwd, options.records), io.cwd);
  const { result, dataset } = checkRecords(input, { severities: config.severities });
  if (options.analysis !== undefined && !analysisIds(dataset.analyses).includes(options.analysis)) {
    const known = analysisIds(dataset.analyses);
    throw new ReviewError('USAGE', `no analysis '${options.analysis}' in analyses.csv${known.length ? `; there are ${known.join(', ')}` : ''}`);
  }
  const analyses = analyseRecords(dataset, options.analysis);
  io.stdout(options.format === 'json' ? formatAnalysesJson(analyses, result) : formatAnalysesText(analyses, result, io.color));
  return exitCodeFor(result, options.maxWarnings);
}
