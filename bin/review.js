#!/usr/bin/env node
// The `review` command: runs the compiled CLI from dist/ when it is up to date, else the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.stamp');

/** dist/ is used only when it was compiled after the last change to any source file, so an edit is never run stale. */
function compiledIsFresh() {
  if (!existsSync(stamp)) return false;
  const compiledAt = statSync(stamp).mtimeMs;
  const sources = join(root, 'pipeline');
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > compiledAt) return false;
  }
  return true;
}

try {
  let cli;
  if (compiledIsFresh()) {
    cli = await import('../dist/pipeline/cli.js');
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import('../pipeline/cli.ts');
  }
  await cli.runProcess();
} catch (error) {
  // Only a broken installation gets here (the CLI catches everything else): say so without a stack trace.
  process.stderr.write(`review: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}
