// Writes a file all at once: to a temporary sibling first, then renamed over the target, so a reader never sees half of it.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReviewError } from '../errors.ts';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new ReviewError('UNWRITABLE', `cannot write ${path}`, { path, cause });
  }
}
