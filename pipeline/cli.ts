// Command-line entry: parses options, runs a command, maps failures to exit codes; the only place that exits.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isReviewError, ErrorCodes, controlPictures } from './errors.ts';
import { commandHelp, generalHelp, parseCliArgs } from './cli/args.ts';
import { COMMANDS } from './cli/commands.ts';
import type { CliIO } from './cli/io.ts';

/** Runs the CLI with the given arguments and returns the exit code (0 clean, 1 findings, 2 usage or operational failure). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const options = parseCliArgs(argv, COMMANDS);
    const command = options.command === undefined ? undefined : COMMANDS[options.command];
    if (options.version && command === undefined) {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    if (options.help) {
      io.stdout(command && options.command ? commandHelp(options.command, command) : generalHelp(COMMANDS));
      return 0;
    }
    if (command === undefined) {
      io.stderr(generalHelp(COMMANDS));
      return 2;
    }
    return await command.run(options, io);
  } catch (error) {
    if (isReviewError(error)) {
      io.stderr(`review: ${ErrorCodes[error.code]}: ${controlPictures(error.message)}\n`);
      if (error.code === 'USAGE') io.stderr(`Run review ${commandOf(argv)}--help for the commands and options.\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return 2;
    }
    io.stderr(`review: internal error: ${controlPictures((error as Error)?.message ?? String(error))}\n`);
    io.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug for details, and report it.\n');
    return 2;
  }
}

/** `check ` when argv names a known command, for the hint after a usage error. */
function commandOf(argv: readonly string[]): string {
  const word = argv.find((arg) => !arg.startsWith('-'));
  return word !== undefined && Object.hasOwn(COMMANDS, word) ? `${word} ` : '';
}

/** The version in the project's package.json: one folder up from the sources, two from the compiled dist/. */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

/** The real process edge: stdout, stderr, environment and exit code. */
export async function runProcess(): Promise<void> {
  // A large check keeps ~100 MB of lookup maps, and V8 by default lets the heap grow to about four
  // times what survives a full collection before the next one: 600 MB at a million rows. Growing by
  // 40% instead was measured at 265 MB for the same or less CPU time (bench/README.md). V8 reads it at
  // each collection, so setting it here, before any work, takes effect.
  setFlagsFromString('--heap-growing-percent=40');
  const env = process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const io: CliIO = {
    cwd: process.cwd(),
    env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !noColor,
    isTTY: Boolean(process.stderr.isTTY),
    version: packageVersion(),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
