// Runs the CLI in-process with captured stdout and stderr, as a user's shell would see them.
import { main } from '../../pipeline/cli.ts';
import type { CliIO } from '../../pipeline/cli/io.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    color: false,
    isTTY: false,
    version: '0.0.0-test',
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
