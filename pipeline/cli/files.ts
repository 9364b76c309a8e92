// File-system edge: reads a records folder into bytes, with operational failures as typed errors.
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ReviewError } from '../errors.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { OPTIONAL_TABLES, TABLE_NAMES, type DataTableName } from '../schema/tables.ts';
import type { InputFile, RecordsInput } from '../run.ts';

/** Largest input file; past it the file is refused with a clear message rather than read. */
export const MAX_RECORD_FILE_BYTES = 2 * 1024 * 1024 * 1024;
/** Files up to this size are read whole; larger ones are streamed in chunks of CHUNK_BYTES. */
const READ_WHOLE_BELOW = 8 * 1024 * 1024;
// Small and reused: each chunk is decoded and parsed before the next is read, and a fresh megabyte
// a chunk was measured to add 40 MB of buffers waiting for the garbage collector at 100k rows.
const CHUNK_BYTES = 64 * 1024;

/** A path as diagnostics show it: relative to the current directory, with `/`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function requireFolder(dir: string, what: string, cwd: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    throw new ReviewError('MISSING_FOLDER', `${what} folder ${displayPath(dir, cwd)} does not exist`, { path: dir });
  }
  if (!isDirectory) throw new ReviewError('MISSING_FOLDER', `${what} ${displayPath(dir, cwd)} is not a folder`, { path: dir });
}

/** `onBytes` hears how many bytes each chunk of a streamed file held (for progress). */
export function readInputFile(path: string, cwd: string, onBytes?: (count: number) => void): InputFile {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ReviewError('MISSING_FILE', `${displayPath(path, cwd)} does not exist`, { path });
  }
  if (size > MAX_RECORD_FILE_BYTES) {
    throw new ReviewError('LIMIT', `${displayPath(path, cwd)} is ${Math.round(size / 2 ** 20)} MiB; the limit is ${MAX_RECORD_FILE_BYTES / 2 ** 20} MiB`, { path });
  }
  const shown = displayPath(path, cwd);
  if (size >= READ_WHOLE_BELOW) return { path: shown, bytes: (final) => readChunks(path, shown, final ? onBytes : undefined) };
  try {
    return { path: shown, bytes: readFileSync(path) };
  } catch (cause) {
    throw new ReviewError('UNREADABLE', `${shown} (${(cause as NodeJS.ErrnoException).code === 'EISDIR' ? 'a folder, not a file' : ((cause as NodeJS.ErrnoException).code ?? 'error')})`, { path, cause });
  }
}

/** Reads a file from the start in chunks, into one buffer reused for every chunk; each pass opens it anew (decoding may read twice). */
function* readChunks(path: string, shown: string, onBytes?: (count: number) => void): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    throw new ReviewError('UNREADABLE', `cannot read ${shown}`, { path, cause });
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const length = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (length === 0) return;
      onBytes?.(length);
      yield buffer.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

function optionalInputFile(path: string, cwd: string): InputFile | undefined {
  try {
    statSync(path);
  } catch {
    return undefined;
  }
  return readInputFile(path, cwd);
}

/** The total size in bytes of the record files of a folder (for progress). */
export function recordsSize(dir: string): number {
  let total = 0;
  for (const table of TABLE_NAMES) {
    try {
      total += statSync(join(dir, `${table}.csv`)).size;
    } catch {
      // A missing table is reported when it is read.
    }
  }
  return total;
}

/** The tables of a records folder (references, studies and outcomes required; analyses.csv optional) and the optional vocabulary.csv. */
export function readRecordsFolder(dir: string, cwd: string, onBytes?: (count: number) => void): RecordsInput {
  requireFolder(dir, 'records', cwd);
  const tables: Partial<Record<DataTableName, InputFile>> = {};
  for (const table of TABLE_NAMES) {
    const path = join(dir, `${table}.csv`);
    const file = OPTIONAL_TABLES.has(table) ? optionalInputFile(path, cwd) : readInputFile(path, cwd, onBytes);
    if (file) tables[table] = file;
  }
  const vocabulary = optionalInputFile(join(dir, 'vocabulary.csv'), cwd);
  return vocabulary ? { tables, vocabulary } : { tables };
}

/** A template as read: its display path and decoded source. */
export interface TemplateFile {
  path: string;
  source: string;
}

/** Every `.hbs` file under a templates folder, decoded, sorted by path; an absent folder has none (the records are checked alone). */
export function readTemplatesFolder(dir: string, cwd: string): TemplateFile[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new ReviewError('MISSING_FOLDER', `templates ${displayPath(dir, cwd)} is not a folder`, { path: dir });
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if (error instanceof ReviewError) throw error;
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith('.hbs'))
    .sort()
    .map((entry) => {
      const file = readInputFile(join(dir, entry), cwd);
      return { path: file.path, source: decodeBytes(file.bytes).text };
    });
}
