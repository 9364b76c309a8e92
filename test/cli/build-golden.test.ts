// `review build` writes the golden HTML: the build parses each template once for the check and the render, and that must not show.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-build-golden-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('review build on the shipped review', () => {
  it('writes the same HTML as rendering the templates from their sources (the golden files)', async () => {
    cpSync(join(root, 'records'), join(scratch, 'records'), { recursive: true });
    cpSync(join(root, 'templates'), join(scratch, 'templates'), { recursive: true });
    const run = await runCli(['build', '--only', 'html', '--quiet'], { cwd: scratch });
    expect(run.code).toBe(0);
    for (const [written, golden] of [
      ['review.html', 'review.zh.html'],
      ['evidence-table.html', 'evidence-table.zh.html'],
    ] as const) {
      // As in golden.test.ts: the inline style sheet is compared at its source, not here.
      const html = readFileSync(join(scratch, 'output', written), 'utf8').replace(/<style>[\s\S]*?<\/style>/, '<style>/* style.css */</style>');
      expect(html).toBe(readFileSync(join(root, 'test', 'fixtures', 'golden', golden), 'utf8'));
    }
  }, 60_000);
});
