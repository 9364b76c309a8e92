// Command-line entry: parses options, runs a command, maps failures to exit codes; the only place that exits.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isReviewError, ErrorCodes, controlPictures } from './errors.ts';
import { parseCliArgs, USAGE } from './cli/args.ts';
import type { CliIO } from './cli/io.ts';

/** Runs the CLI with the given arguments and returns the exit code (0 clean, 1 findings, 2 usage or operational failure). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const options = parseCliArgs(argv);
    if (options.version) {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    if (options.help || options.command === undefined) {
      (options.help ? io.stdout : io.stderr)(USAGE);
      return options.help ? 0 : 2;
    }
    // A command's module is loaded only when it runs: a build has no use for citation-js, which cite-check and
    // import-refs load to read bibliographic files, nor a check for PDFKit; loading modules is most of start-up.
    switch (options.command) {
      case 'check':
        return (await import('./cli/check.ts')).runCheckCommand(options, io);
      case 'build':
        return await (await import('./cli/build.ts')).runBuildCommand(options, io);
      case 'cite-check':
        return (await import('./cli/cite-check.ts')).runCiteCheckCommand(options, io);
      case 'import-refs':
        return (await import('./cli/import-refs.ts')).runImportRefsCommand(options, io);
      case 'publish':
        return (await import('./cli/publish.ts')).runPublishCommand(options, io);
      case 'analyse':
        return (await import('./cli/analyse.ts')).runAnalyseCommand(options, io);
    }
  } catch (error) {
    if (isReviewError(error)) {
      io.stderr(`review: ${ErrorCodes[error.code]}: ${controlPictures(error.message)}\n`);
      if (error.code === 'USAGE') io.stderr('Run review --help for the commands and options.\n');
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return 2;
    }
    io.stderr(`review: internal error: ${controlPictures((error as Error)?.message ?? String(error))}\n`);
    io.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug for details, and report it.\n');
    return 2;
  }
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
