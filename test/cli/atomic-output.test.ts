// A build killed with SIGKILL at any moment leaves output/ as it was (or, if the swap had happened, complete and new).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'review.js');
const scratch = mkdtempSync(join(tmpdir(), 'review-kill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const snapshot = (dir: string): Record<string, string> =>
  existsSync(dir) ? Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')])) : {};

/** Runs a build to completion, or kills it with SIGKILL after `killAfterMs`. */
function build(cwd: string, killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build', '--quiet'], { cwd, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('review build killed with SIGKILL', () => {
  it('never leaves a partial or missing output/, whenever the kill lands', async () => {
    const dir = join(scratch, 'review');
    cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    expect(await build(dir)).toBe(0);
    const old = snapshot(join(dir, 'output'));
    // A change, so that a completed build is told apart from the old output.
    const outcomes = join(dir, 'records', 'outcomes.csv');
    writeFileSync(outcomes, readFileSync(outcomes, 'utf8').replace(',14,25,56,14 (56%)', ',14,25,56.0,14 (56%)'));
    // Kill moments spread over the build (a fixed list: the test must be repeatable).
    for (const killAfterMs of [30, 250, 600, 1200, 2500]) {
      await build(dir, killAfterMs);
      const now = snapshot(join(dir, 'output'));
      if (JSON.stringify(now) === JSON.stringify(old)) continue;
      // The swap happened: then every file is there and the next build (which tidies up) agrees.
      expect(Object.keys(now)).toEqual(Object.keys(old));
    }
    // The next build tidies any staging folder a kill left behind.
    expect(await build(dir)).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('output.'))).toEqual([]);
  }, 120_000);
});
