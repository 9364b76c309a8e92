// `--baseline REF`: the findings REF had, from a JSON report file or from the records and templates of a git revision (read with `git show`).
import { relative, resolve } from 'node:path';
import { z } from 'zod';
import { ReviewError } from '../errors.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { TABLE_NAMES } from '../schema/tables.ts';
import type { Diagnostic } from '../diagnostic.ts';
import type { RecordsInput } from '../run.ts';
import { displayPath, readInputFile, type TemplateFile } from './files.ts';
import { GitFailure, runGit, type GitContext } from './git.ts';

/** The largest report read as a baseline. */
const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

/** What identifies a finding of the baseline (see report/baseline.ts). */
export type BaselineFinding = Pick<Diagnostic, 'ruleId' | 'file' | 'message' | 'field'>;

/** A baseline's sources, for the same check as the working tree's. */
export interface BaselineSources {
  input: RecordsInput;
  templates: TemplateFile[];
}

const reportSchema = z.object({
  version: z.literal(1),
  diagnostics: z.array(z.object({ ruleId: z.string(), file: z.string(), message: z.string(), field: z.string().optional() })),
});

/** A JSON report (`review check --format json`) as the findings it lists. */
export function parseBaselineReport(text: string, file: string): BaselineFinding[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ReviewError('USAGE', `--baseline ${file}: not a JSON report: ${(cause as Error).message}`, { path: file, cause });
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReviewError('USAGE', `--baseline ${file}: not a review JSON report (${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'})`, { path: file });
  }
  return parsed.data.diagnostics.map(({ ruleId, file: where, message, field }) => (field === undefined ? { ruleId, file: where, message } : { ruleId, file: where, message, field }));
}

/** Reads a report file whole (it is streamed past 8 MiB), within MAX_BASELINE_BYTES. */
export function readBaselineReport(path: string, cwd: string): BaselineFinding[] {
  const file = readInputFile(path, cwd);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const chunk of file.bytes instanceof Uint8Array ? [file.bytes] : file.bytes(true)) {
    size += chunk.length;
    if (size > MAX_BASELINE_BYTES) throw new ReviewError('LIMIT', `--baseline ${file.path} is larger than ${MAX_BASELINE_BYTES / 2 ** 20} MiB`, { path });
    chunks.push(Uint8Array.from(chunk));
  }
  return parseBaselineReport(decodeBytes(Buffer.concat(chunks)).text, file.path);
}

/**
 * The records and templates folders as they were at git revision `ref`, with the paths the working tree's
 * findings carry (relative to `cwd`). A table absent at `ref` is left out; a revision git does not know is a usage error.
 */
export async function readRevision(ref: string, recordsDir: string, templatesDir: string, cwd: string, env: GitContext['env']): Promise<BaselineSources> {
  const context: GitContext = { cwd, env, purpose: '--baseline a git revision' };
  // A revision is one word that git must not read as an option or a path.
  if (ref.startsWith('-') || /[\s:\u0000-\u001f]/.test(ref)) throw new ReviewError('USAGE', `--baseline '${ref}' is neither a file nor a git revision`);
  const commit = (await gitOrUndefined(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], context))?.toString('utf8').trim();
  if (!commit) throw new ReviewError('USAGE', `--baseline '${ref}' is neither a file nor a git revision`);
  // `./` makes a path relative to the working folder, wherever the repository's root is.
  const show = (path: string) => gitOrUndefined(['show', `${commit}:./${relative(cwd, path).split('\\').join('/')}`], context);
  const input: RecordsInput = { tables: {} };
  for (const table of TABLE_NAMES) {
    const path = resolve(recordsDir, `${table}.csv`);
    const bytes = await show(path);
    if (bytes) input.tables[table] = { path: displayPath(path, cwd), bytes };
  }
  const vocabularyPath = resolve(recordsDir, 'vocabulary.csv');
  const vocabulary = await show(vocabularyPath);
  if (vocabulary) input.vocabulary = { path: displayPath(vocabularyPath, cwd), bytes: vocabulary };
  const listing = (await gitOrUndefined(['ls-tree', '-r', '-z', '--name-only', commit, '--', `./${relative(cwd, templatesDir) || '.'}/`], context))?.toString('utf8') ?? '';
  const templates: TemplateFile[] = [];
  // ls-tree names paths relative to the working folder, as the working tree's templates are shown.
  for (const path of listing.split('\u0000').filter((p) => p.endsWith('.hbs')).sort()) {
    const bytes = await show(resolve(cwd, path));
    if (bytes) templates.push({ path: displayPath(resolve(cwd, path), cwd), name: relative(templatesDir, resolve(cwd, path)).split('\\').join('/'), source: decodeBytes(bytes).text });
  }
  return { input, templates };
}

/** git's answer, or undefined when git said no (no such revision, no such path at it). */
async function gitOrUndefined(args: readonly string[], context: GitContext): Promise<Buffer | undefined> {
  try {
    return await runGit(args, context);
  } catch (error) {
    if (error instanceof GitFailure) return undefined;
    throw error;
  }
}
