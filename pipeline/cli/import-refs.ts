// `review import-refs FILE`: adds the works of a CSL-JSON, RIS or BibTeX file to references.csv, and says what it could not map.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { parseCsv } from '../ingest/csv.ts';
import { formatOfPath, readBibliographicFile } from '../citations/bibliographic-file.ts';
import { planImport, type ReferenceRow } from '../citations/import-refs.ts';
import { headerKey } from '../schema/headers.ts';
import { csvRow } from '../render/csv.ts';
import type { CliOptions } from './args.ts';
import { writeFileAtomic } from './atomic.ts';
import { displayPath, readInputFile } from './files.ts';
import type { CliIO } from './io.ts';

const COLUMNS = ['id', 'number', 'type', 'authors', 'title', 'journal', 'year', 'volume', 'issue', 'pages', 'doi', 'pmid', 'language', 'status', 'note'];

export function runImportRefsCommand(options: CliOptions, io: CliIO): number {
  const [sourcePath, ...extra] = options.positionals;
  if (sourcePath === undefined || extra.length > 0) throw new ReviewError('USAGE', 'import-refs takes one file: review import-refs FILE [--into records/references.csv]');
  const source = readInputFile(resolve(io.cwd, sourcePath), io.cwd);
  const format = formatOfPath(source.path);
  if (!format) throw new ReviewError('UNSUPPORTED_FORMAT', `${source.path}: use .json (CSL-JSON), .ris, .enw, .txt (RIS) or .bib (BibTeX)`);
  const read = readBibliographicFile(decodeBytes(source.bytes).text, format);
  if (read.items.length === 0) throw new ReviewError('UNSUPPORTED_FORMAT', `${source.path}: ${read.problems.join('; ')}`);

  const targetPath = resolve(io.cwd, options.into);
  const target = existsSync(targetPath) ? readTarget(targetPath, io.cwd) : { text: '', columns: COLUMNS, ids: new Set<string>(), dois: new Map<string, string>() };
  const plan = planImport(read.items, target, source.path);
  const missingColumns = COLUMNS.filter((c) => !target.columns.includes(c));
  const lines = plan.rows.map((row) => csvRow(target.columns.map((column) => row[column as keyof ReferenceRow] ?? '')));
  const prefix = target.text === '' ? csvRow(COLUMNS) + '\n' : target.text.endsWith('\n') ? '' : '\n';
  if (plan.rows.length > 0) writeFileAtomic(targetPath, target.text + prefix + lines.join('\n') + '\n');

  const shown = displayPath(targetPath, io.cwd);
  const report = [`added ${plan.rows.length} of ${read.items.length} references to ${shown}${plan.rows.length ? ` (status unverified): ${plan.rows.map((r) => r.id).join(', ')}` : ''}`];
  for (const problem of read.problems) report.push(`could not read: ${problem}`);
  for (const skipped of plan.skipped) report.push(`skipped ${skipped}`);
  for (const [field, count] of [...plan.unmapped].sort(([a], [b]) => (a < b ? -1 : 1))) report.push(`not mapped: ${field} (${count} ${count === 1 ? 'item' : 'items'})`);
  for (const column of missingColumns) report.push(`not written: ${shown} has no '${column}' column`);
  io.stderr(report.join('\n') + '\n');
  return 0;
}

function readTarget(path: string, cwd: string): { text: string; columns: string[]; ids: Set<string>; dois: Map<string, string> } {
  const file = readInputFile(path, cwd);
  const decoded = decodeBytes(file.bytes);
  if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom') {
    throw new ReviewError('UNSUPPORTED_FORMAT', `${file.path} is ${decoded.encoding}; save it as UTF-8 before importing into it`);
  }
  const [header, ...rows] = parseCsv(decoded.text).rows;
  const columns = (header?.cells ?? []).map((cell) => headerKey(cell.value));
  const idAt = columns.indexOf('id');
  const doiAt = columns.indexOf('doi');
  const ids = new Set<string>();
  const dois = new Map<string, string>();
  for (const row of rows) {
    const id = row.cells[idAt]?.value.trim() ?? '';
    if (id) ids.add(id);
    const doi = row.cells[doiAt]?.value.trim().toLowerCase() ?? '';
    if (doi) dois.set(doi, id);
  }
  // A BOM is kept as it was: the file is rewritten with the rows appended, nothing else changed.
  const bom = decoded.encoding === 'utf-8-bom' ? '\uFEFF' : '';
  return { text: bom + decoded.text, columns, ids, dois };
}
