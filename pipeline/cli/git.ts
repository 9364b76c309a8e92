// git, run as the tool runs it (an argument array, no shell, no prompt, bounded in output and time): --since and --baseline read earlier records with it.
import { execFile } from 'node:child_process';
import { ReviewError } from '../errors.ts';

/** What `git show` may print for one record file, and how long git may take. */
const MAX_GIT_OUTPUT = 256 * 1024 * 1024;
const GIT_TIMEOUT_MS = 30_000;

/** Where git runs, with what environment, and what the user asked for that needs it (for the message when git is missing). */
export interface GitContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  purpose: string;
}

/** git ran and said no (an unknown revision, a path not in it): its first line of stderr. */
export class GitFailure extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(detail);
    this.detail = detail;
  }
}

/** Runs git with an argument array (no shell), in `context.cwd`, bounded in output and time. A refusal is a GitFailure. */
export function runGit(args: readonly string[], context: GitContext): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      {
        cwd: context.cwd,
        encoding: 'buffer',
        maxBuffer: MAX_GIT_OUTPUT,
        timeout: GIT_TIMEOUT_MS,
        windowsHide: true,
        // No pager, no prompt for credentials: git must answer or fail.
        env: { ...context.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number };
        if (failure.code === 'ENOENT') {
          return reject(new ReviewError('UNREADABLE', `git is not installed (or not on PATH); ${context.purpose} needs it`));
        }
        if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new ReviewError('LIMIT', `git show printed more than ${MAX_GIT_OUTPUT / 2 ** 20} MiB for one file`));
        }
        if (failure.killed || failure.signal) return reject(new ReviewError('LIMIT', `git did not answer within ${GIT_TIMEOUT_MS / 1000} s`));
        const detail = stderr
          .toString('utf8')
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.replace(/^fatal: /, '')
          .replace(/^Needed a single revision$/, 'no such revision')
          .trim();
        reject(new GitFailure(detail ?? `git ${args[0]} failed`));
      },
    );
  });
}
