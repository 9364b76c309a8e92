// The references.csv that import-refs adds to: confined to the review, read as a stream, appended through a temporary file of its own that a later run tidies.
import { closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ReviewError } from '../errors.ts';
import { CsvReader, type CsvProblem } from '../ingest/csv.ts';
import { headerKey } from '../schema/headers.ts';
import { ExistingReferences, type ReferenceRow } from '../citations/import-refs.ts';
import { MAX_RECORD_FILE_BYTES, displayPath } from './files.ts';

const CHUNK_BYTES = 64 * 1024;
const REQUIRED_COLUMNS = ['id', 'status'];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** What was read of the target: enough to append to it, never its rows. */
export interface ImportTarget {
  path: string;
  shown: string;
  /** `absent`: no file yet; `blank`: nothing but whitespace or a BOM (rewritten with a header); `rows`: a header, maybe rows. */
  state: 'absent' | 'blank' | 'rows';
  columns: string[];
  bom: boolean;
  newline: '\n' | '\r\n';
  endsWithNewline: boolean;
  existing: ExistingReferences;
  /** Size and modification time when read, to notice a change before the rename. */
  stamp: { size: number; mtimeMs: number; mode: number } | undefined;
  /** Temporary files of earlier, stopped imports removed on the way. */
  tidied: string[];
}

/**
 * Opens the target: it must be a regular file (or not exist yet) inside the review folder `cwd`,
 * not a symbolic link, device, FIFO or folder, in UTF-8 and without CSV syntax errors (appending
 * after an unclosed quote would put the new rows inside a cell). Reads it once, in chunks.
 */
export function openTarget(path: string, cwd: string): ImportTarget {
  const shown = displayPath(path, cwd);
  const refuse = (why: string): never => {
    throw new ReviewError('UNWRITABLE', `${shown}: ${why}`, { path });
  };
  if (placeOf(cwd, path) !== 'inside') refuse('--into must name a file inside the review folder');
  let parent: string;
  try {
    parent = realpathSync(dirname(path));
  } catch {
    return refuse(`folder ${displayPath(dirname(path), cwd)} does not exist`);
  }
  const root = realpathSync(cwd);
  if (placeOf(root, parent) === 'outside') refuse('its folder leads outside the review folder (a symbolic link)');
  const tidied = tidyLeftovers(parent, basename(path), cwd);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { path, shown, state: 'absent', columns: [], bom: false, newline: '\n', endsWithNewline: true, existing: new ExistingReferences(), stamp: undefined, tidied };
  }
  if (stat.isSymbolicLink()) refuse('is a symbolic link; import-refs writes only a regular file inside the review');
  if (!stat.isFile()) refuse('is not a regular file (a folder, device, FIFO or socket)');
  return { ...readTarget(path, shown, refuse), tidied };
}

/** Where `path` is relative to `folder`: the folder itself, inside it, or outside ("..x.csv" is inside). */
function placeOf(folder: string, path: string): 'same' | 'inside' | 'outside' {
  const r = relative(folder, path);
  if (r === '') return 'same';
  return r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r) ? 'outside' : 'inside';
}

function readTarget(path: string, shown: string, refuse: (why: string) => never): Omit<ImportTarget, 'tidied'> {
  const existing = new ExistingReferences();
  let columns: string[] | undefined;
  let problem: CsvProblem | undefined;
  const reader = new CsvReader({
    row(row) {
      if (columns === undefined) {
        columns = row.values.map((v) => headerKey(v));
        return;
      }
      const cells: ReferenceRow = {};
      (columns as string[]).forEach((column, i) => {
        if (column && cells[column] === undefined) cells[column] = row.values[i] ?? '';
      });
      existing.add(cells, row.line);
    },
    problem(found) {
      problem ??= found;
    },
  });
  // The decoder keeps a character split across chunks; `fatal` refuses what is not UTF-8 rather than guessing.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (cause) {
    return refuse(`cannot be opened (${(cause as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let bytes = 0;
  let head: number[] = [];
  let last = -1;
  let sawText = false;
  let newline: '\n' | '\r\n' | undefined;
  let stamp: { size: number; mtimeMs: number; mode: number };
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse('is not a regular file');
    stamp = { size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode & 0o7777 };
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const length = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (length === 0) break;
      bytes += length;
      // The size is counted while reading: stat() says nothing true of a file that grows.
      if (bytes > MAX_RECORD_FILE_BYTES) refuse(`is larger than ${MAX_RECORD_FILE_BYTES / 2 ** 20} MiB`);
      const chunk = buffer.subarray(0, length);
      if (head.length < 3) head = head.concat([...chunk.subarray(0, 3 - head.length)]);
      // UTF-16 text of ASCII letters is valid UTF-8 (with NULs between): its BOM, or a NUL, says what it is.
      if (bytes === length && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff) || chunk.subarray(0, 512).includes(0))) {
        refuse('is UTF-16 or binary, not UTF-8; save it as UTF-8 before importing into it');
      }
      last = chunk[length - 1] as number;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return refuse('is not UTF-8; save it as UTF-8 before importing into it');
      }
      if (bytes === length && text.startsWith('\uFEFF')) text = text.slice(1);
      if (!sawText && /\S/.test(text)) sawText = true;
      if (newline === undefined) {
        const at = text.indexOf('\n');
        if (at >= 0) newline = text[at - 1] === '\r' ? '\r\n' : '\n';
      }
      reader.push(text);
    }
    try {
      reader.push(decoder.decode());
    } catch {
      return refuse('is not UTF-8 (it ends inside a character)');
    }
    reader.end();
  } finally {
    closeSync(fd);
  }
  const bom = UTF8_BOM.every((b, i) => head[i] === b);
  const base = { path, shown, bom, newline: newline ?? '\n', existing, stamp };
  if (!sawText) return { ...base, state: 'blank', columns: [], endsWithNewline: true };
  if (problem) {
    const found = problem as CsvProblem;
    refuse(`line ${found.line}, column ${found.column}: ${found.detail}; fix it (\`review check\` shows every error) before importing into it`);
  }
  const header = columns ?? [];
  for (const column of REQUIRED_COLUMNS) if (!header.includes(column)) refuse(`its header (line 1) has no '${column}' column; add it before importing`);
  return { ...base, state: 'rows', columns: header, endsWithNewline: last === 0x0a || last === 0x0d };
}

/** Temporary files import-refs makes: dot, target name, `import-refs`, the writing process's id. */
function temporaryName(target: string, pid: number): string {
  return `.${target}.import-refs-${pid}.tmp`;
}

/**
 * Removes temporary files that a stopped import left beside the target: named for this target and
 * for a process that no longer runs (a running one may be writing its own). The name of earlier
 * versions (`.references.csv.<pid>.tmp`) is recognised too.
 */
function tidyLeftovers(folder: string, target: string, cwd: string): string[] {
  const tidied: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return tidied;
  }
  const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ours = new RegExp(`^\\.${escaped}\\.(?:import-refs-)?(\\d{1,10})\\.tmp$`);
  for (const name of names) {
    const pid = Number(ours.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && isRunning(pid))) continue;
    const path = join(folder, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path);
      tidied.push(displayPath(path, cwd));
    } catch {
      // One that cannot be removed is left; the import itself goes on.
    }
  }
  return tidied;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes the target anew through a temporary sibling: the old bytes copied in chunks (a blank or
 * BOM-only file is replaced by a header), then the new lines; renamed over the target only when
 * the target has not changed meanwhile. A failure removes the temporary file.
 */
export function appendRows(target: ImportTarget, header: string | undefined, lines: readonly string[]): void {
  const folder = dirname(target.path);
  const temporary = join(folder, temporaryName(basename(target.path), process.pid));
  const nl = target.newline;
  let out: number | undefined;
  try {
    out = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    // The file keeps its permissions; a new one gets the usual rw-r--r-- (less the umask).
    if (target.stamp) fchmodSync(out, target.stamp.mode);
    const write = (text: string): void => writeAll(out as number, Buffer.from(text, 'utf8'));
    if (target.state === 'rows') copyInto(target, out);
    else if (target.bom) write('\uFEFF');
    if (target.state === 'rows' && !target.endsWithNewline) write(nl);
    if (header !== undefined) write(header + nl);
    // One write per batch of rows: a million-row import is not a million system calls.
    for (let i = 0; i < lines.length; i += 1000) write(lines.slice(i, i + 1000).map((l) => l + nl).join(''));
    closeSync(out);
    out = undefined;
    if (target.stamp) {
      const now = lstatSync(target.path);
      if (!now.isFile() || now.size !== target.stamp.size || now.mtimeMs !== target.stamp.mtimeMs) {
        throw new ReviewError('UNWRITABLE', `${target.shown} changed while importing; nothing was written, run the import again`, { path: target.path });
      }
    }
    renameSync(temporary, target.path);
  } catch (cause) {
    if (out !== undefined) closeSync(out);
    rmSync(temporary, { force: true });
    if (cause instanceof ReviewError) throw cause;
    throw new ReviewError('UNWRITABLE', `cannot write ${target.shown} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { path: target.path, cause });
  }
}

function copyInto(target: ImportTarget, out: number): void {
  const fd = openSync(target.path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const length = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (length === 0) return;
      writeAll(out, buffer.subarray(0, length));
    }
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than it is given: loop until all of it is written. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
