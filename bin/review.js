#!/usr/bin/env node
// The `review` command: loads the TypeScript pipeline through tsx's loader and runs the CLI.
import { register } from 'tsx/esm/api';

try {
  register();
  const { runProcess } = await import('../pipeline/cli.ts');
  await runProcess();
} catch (error) {
  // Only a broken installation gets here (the CLI catches everything else): say so without a stack trace.
  process.stderr.write(`review: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
