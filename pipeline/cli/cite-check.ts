// `review cite-check FILE`: checks a hand-numbered manuscript's citations against its reference list (or one given).
import { extname, resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { checkRecords } from '../run.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { parseManuscript } from '../citations/manuscript.ts';
import { formatOfPath, readBibliographicFile } from '../citations/bibliographic-file.ts';
import { listFromItems, listFromRecords } from '../citations/reference-list.ts';
import type { CitedDocument, ListedReference } from '../citations/types.ts';
import type { CliOptions } from './args.ts';
import { exitCodeFor, projectConfig, writeReport } from './check.ts';
import { readInputFile } from './files.ts';
import type { CliIO } from './io.ts';

export function runCiteCheckCommand(options: CliOptions, io: CliIO): number {
  // The parser lets cite-check run only with its one FILE.
  const manuscriptPath = options.positionals[0] as string;
  const config = projectConfig(options, io);
  const manuscript = readInputFile(resolve(io.cwd, manuscriptPath), io.cwd);
  const decoded = decodeBytes(manuscript.bytes);
  const parsed = parseManuscript(decoded.text, manuscript.path);

  const referencesFile = options.references === undefined ? undefined : readInputFile(resolve(io.cwd, options.references), io.cwd);
  const isCsv = referencesFile !== undefined && extname(referencesFile.path).toLowerCase() === '.csv';
  let given: ListedReference[] | undefined;
  if (referencesFile && !isCsv) {
    const format = formatOfPath(referencesFile.path);
    if (!format) throw new ReviewError('UNSUPPORTED_FORMAT', `${referencesFile.path}: use .csv (references.csv), .json (CSL-JSON), .ris or .bib`);
    const read = readBibliographicFile(decodeBytes(referencesFile.bytes).text, format);
    if (read.items.length === 0) throw new ReviewError('UNSUPPORTED_FORMAT', `${referencesFile.path}: ${read.problems.join('; ')}`);
    if (!options.quiet) for (const problem of read.problems) io.stderr(`review: note: ${referencesFile.path}: ${problem}\n`);
    given = listFromItems(read.items, referencesFile.path);
  }

  let entries = 0;
  const { result } = checkRecords(isCsv ? { tables: { references: referencesFile } } : { tables: {} }, {
    severities: config.severities,
    encodings: [{ file: manuscript.path, encoding: decoded.encoding, undecodable: decoded.undecodable, strayBoms: decoded.strayBoms }],
    documents: (dataset): CitedDocument[] => {
      const references = isCsv ? listFromRecords(dataset.references) : given ?? parsed.references;
      entries = references?.length ?? 0;
      return [{ file: manuscript.path, kind: 'manuscript', citations: parsed.citations, references }];
    },
  });
  const credits = parsed.citations.filter((citation) => citation.credited !== undefined).length;
  const counted = { ...result, summary: { ...result.summary, manuscript: { citations: parsed.citations.length, entries, credits } } };
  writeReport(counted, options, io, config);
  return exitCodeFor(result, options.maxWarnings);
}
