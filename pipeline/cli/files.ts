// File-system edge: every input is read here, and only as a regular file inside its folder, with operational failures as typed errors.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ReviewError, controlPictures } from '../errors.ts';
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

/** Largest template (`.hbs`): a review's prose is a few hundred kilobytes; a 10 MB line is still read and reported. */
export const MAX_TEMPLATE_BYTES = 16 * 1024 * 1024;
/** Largest `templates/review.json` (a title, authors and a style). */
export const MAX_META_BYTES = 1024 * 1024;
/** Largest snapshot (`review-data.json`, `--since`): parsed as one string, and V8 holds no string past 512 MiB. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** A templates folder is walked at most this deep and over at most this many entries, so no tree of folders makes the walk unbounded. */
export const MAX_TEMPLATE_DEPTH = 16;
export const MAX_TEMPLATE_ENTRIES = 10_000;

// O_NOFOLLOW: a symbolic link at the last step is refused by the kernel (ELOOP), not followed; O_NONBLOCK: opening a
// FIFO returns at once instead of waiting for a writer. Both are checked again on the opened descriptor (fstat), so
// there is no window between a check and the open. Windows has neither flag; there they are 0 and fstat still decides.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A path as diagnostics show it: relative to the current directory, with `/`, control characters as symbols. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return controlPictures(sep === '/' ? rel : rel.split(sep).join('/'));
}

/** A folder the tool reads from: it must be a folder itself, not a symbolic link to one (which could lead anywhere). */
export function requireFolder(dir: string, what: string, cwd: string): void {
  const shown = displayPath(dir, cwd);
  let stats: Stats;
  try {
    stats = lstatSync(dir);
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT' || errnoOf(cause) === 'ENOTDIR') throw new ReviewError('MISSING_FOLDER', `${what} folder ${shown} does not exist`, { path: dir });
    throw new ReviewError('UNREADABLE', `${what} folder ${shown} (${errnoOf(cause) ?? 'error'})`, { path: dir, cause });
  }
  if (stats.isSymbolicLink()) throw new ReviewError('UNREADABLE', `${what} folder ${shown} is a symbolic link; give the folder itself`, { path: dir });
  if (!stats.isDirectory()) throw new ReviewError('MISSING_FOLDER', `${what} ${shown} is not a folder`, { path: dir });
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** What a file that is not a regular one is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The one way an input file is opened: only a regular file, and only when its last step is not a symbolic link
 * (a link in records/ or templates/ could point at /etc/passwd, .git/config or /proc/self/environ). Devices, FIFOs
 * and sockets are refused without blocking. Returns the open descriptor and its size as fstat gives it (a hint only:
 * readers count the bytes they actually read).
 */
function openRegularFile(path: string, shown: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (cause) {
    const code = errnoOf(cause);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReviewError('MISSING_FILE', `${shown} does not exist`, { path, cause });
    if (code === 'ELOOP') throw new ReviewError('UNREADABLE', `${shown} is a symbolic link; inputs are read only as regular files inside their folder`, { path, cause });
    if (code === 'ENXIO') throw new ReviewError('UNREADABLE', `${shown} is a socket, not a regular file`, { path, cause });
    if (code === 'EACCES' || code === 'EPERM') throw new ReviewError('UNREADABLE', `${shown} (permission denied)`, { path, cause });
    throw new ReviewError('UNREADABLE', `${shown} (${code ?? 'error'})`, { path, cause });
  }
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (cause) {
    closeSync(fd);
    throw new ReviewError('UNREADABLE', `${shown} (${errnoOf(cause) ?? 'error'})`, { path, cause });
  }
  if (!stats.isFile()) {
    closeSync(fd);
    throw new ReviewError('UNREADABLE', `${shown} is ${kindOf(stats)}, not a regular file`, { path });
  }
  return { fd, size: stats.size };
}

function tooLarge(path: string, shown: string, maxBytes: number): ReviewError {
  return new ReviewError('LIMIT', `${shown} is larger than ${maxBytes / 2 ** 20} MiB, the limit for this file`, { path });
}

function readError(path: string, shown: string, cause: unknown): ReviewError {
  return new ReviewError('UNREADABLE', `${shown} (${errnoOf(cause) ?? 'error'})`, { path, cause });
}

/**
 * Reads from an open descriptor until its end, counting the bytes as they come: past `maxBytes` (or `stopAt`, when
 * given) reading stops. A file that grows while it is read, or whose stat size is wrong (0 for /proc files), is
 * bounded all the same. Returns undefined when `stopAt` was passed, so the caller can stream instead.
 */
function readAll(fd: number, path: string, shown: string, maxBytes: number, stopAt = Infinity): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let length: number;
    try {
      length = readSync(fd, chunk, 0, CHUNK_BYTES, null);
    } catch (cause) {
      throw readError(path, shown, cause);
    }
    if (length === 0) return Buffer.concat(chunks, total);
    total += length;
    if (total > maxBytes) throw tooLarge(path, shown, maxBytes);
    if (total > stopAt) return undefined;
    chunks.push(length === CHUNK_BYTES ? chunk : chunk.subarray(0, length));
  }
}

/** A whole input file (a template, review.json, a snapshot), read as a regular file and refused past `maxBytes`. */
export function readBoundedFile(path: string, cwd: string, maxBytes: number): Buffer {
  const shown = displayPath(path, cwd);
  const { fd } = openRegularFile(path, shown);
  try {
    return readAll(fd, path, shown, maxBytes) as Buffer;
  } finally {
    closeSync(fd);
  }
}

/** As readBoundedFile, but a file that is not there at all gives undefined (a dangling symbolic link is there, and refused). */
export function readOptionalFile(path: string, cwd: string, maxBytes: number): Buffer | undefined {
  return isThere(path) ? readBoundedFile(path, cwd, maxBytes) : undefined;
}

/** Whether anything is at `path`, a symbolic link included (lstat: a dangling link is there, to be refused, not skipped). */
function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (cause) {
    return !(errnoOf(cause) === 'ENOENT' || errnoOf(cause) === 'ENOTDIR');
  }
}

/**
 * A record file (or a manuscript, a bibliography): small ones are read whole, large ones streamed; either way at
 * most `maxBytes` are read. `onBytes` hears how many bytes each chunk of a streamed file held (for progress).
 */
export function readInputFile(path: string, cwd: string, onBytes?: (count: number) => void, maxBytes = MAX_RECORD_FILE_BYTES): InputFile {
  const shown = displayPath(path, cwd);
  const { fd, size } = openRegularFile(path, shown);
  let whole: Buffer | undefined;
  try {
    if (size > maxBytes) throw tooLarge(path, shown, maxBytes);
    // The size decides only where to start: a file that turns out larger than it said while read whole is streamed.
    if (size < READ_WHOLE_BELOW) whole = readAll(fd, path, shown, maxBytes, READ_WHOLE_BELOW);
  } finally {
    closeSync(fd);
  }
  if (whole !== undefined) return { path: shown, bytes: whole };
  return { path: shown, bytes: (final) => readChunks(path, shown, maxBytes, final ? onBytes : undefined) };
}

/** Reads a file from the start in chunks, into one buffer reused for every chunk; each pass opens it anew (decoding may read twice) and counts what it reads. */
function* readChunks(path: string, shown: string, maxBytes: number, onBytes?: (count: number) => void): Generator<Uint8Array> {
  const { fd } = openRegularFile(path, shown);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      let length: number;
      try {
        length = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (cause) {
        throw readError(path, shown, cause);
      }
      if (length === 0) return;
      total += length;
      if (total > maxBytes) throw tooLarge(path, shown, maxBytes);
      onBytes?.(length);
      yield buffer.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

function optionalInputFile(path: string, cwd: string): InputFile | undefined {
  return isThere(path) ? readInputFile(path, cwd) : undefined;
}

/** The total size in bytes of the record files of a folder (for progress). */
export function recordsSize(dir: string): number {
  let total = 0;
  for (const table of TABLE_NAMES) {
    try {
      total += lstatSync(join(dir, `${table}.csv`)).size;
    } catch {
      // A missing table is reported when it is read.
    }
  }
  return total;
}

/** The tables of a records folder (references, studies and outcomes required; the others optional) and the optional vocabulary.csv. */
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

/** A template as read: its display path, its path inside the templates folder (with `/`), and decoded source. */
export interface TemplateFile {
  path: string;
  name: string;
  source: string;
}

/** The entries of one folder; a parameter of the walk so that a folder that cannot be listed can be tested as root. */
export type ListFolder = (dir: string) => Dirent[];

const listFolder: ListFolder = (dir) => readdirSync(dir, { withFileTypes: true });

/**
 * Every `.hbs` file under a templates folder, decoded, sorted by path; an absent folder has none (the records are
 * checked alone). The walk follows no symbolic link: one anywhere in the folder is an error, as is a subfolder that
 * cannot be listed, a tree deeper than MAX_TEMPLATE_DEPTH or one of more than MAX_TEMPLATE_ENTRIES entries.
 */
export function readTemplatesFolder(dir: string, cwd: string, list: ListFolder = listFolder): TemplateFile[] {
  if (!isThere(dir)) return [];
  requireFolder(dir, 'templates', cwd);
  const names: string[] = [];
  let entries = 0;
  const walk = (folder: string, prefix: string, depth: number): void => {
    let listed: Dirent[];
    try {
      listed = list(folder);
    } catch (cause) {
      throw new ReviewError('UNREADABLE', `cannot list the templates folder ${displayPath(folder, cwd)} (${errnoOf(cause) ?? 'error'})`, { path: folder, cause });
    }
    for (const entry of listed) {
      const path = join(folder, entry.name);
      if (++entries > MAX_TEMPLATE_ENTRIES) throw new ReviewError('LIMIT', `${displayPath(dir, cwd)} holds more than ${MAX_TEMPLATE_ENTRIES} files and folders`, { path: dir });
      if (entry.isSymbolicLink()) {
        throw new ReviewError('UNREADABLE', `${displayPath(path, cwd)} is a symbolic link; the templates folder may hold only regular files and folders`, { path });
      }
      if (entry.isDirectory()) {
        if (depth + 1 > MAX_TEMPLATE_DEPTH) throw new ReviewError('LIMIT', `${displayPath(path, cwd)} is more than ${MAX_TEMPLATE_DEPTH} folders deep`, { path });
        walk(path, `${prefix}${entry.name}/`, depth + 1);
      } else if (entry.name.endsWith('.hbs')) {
        names.push(`${prefix}${entry.name}`);
      }
    }
  };
  walk(dir, '', 0);
  return names.sort().map((name) => {
    const path = join(dir, name);
    return { path: displayPath(path, cwd), name, source: decodeBytes(readBoundedFile(path, cwd, MAX_TEMPLATE_BYTES)).text };
  });
}
