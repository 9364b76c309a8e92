// `review build` writes what rendering the templates from their sources gives: the build parses each template once for the check and the render, and that must not show.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { renderShipped, root } from '../render/shipped.ts';

const scratch = mkdtempSync(join(tmpdir(), 'review-build-golden-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('review build on the shipped review', () => {
  it('writes the same HTML as rendering the templates from their sources', async () => {
    cpSync(join(root, 'records'), join(scratch, 'records'), { recursive: true });
    cpSync(join(root, 'templates'), join(scratch, 'templates'), { recursive: true });
    const run = await runCli(['build', '--only', 'html', '--quiet'], { cwd: scratch });
    expect(run.code).toBe(0);
    const fromSources = renderShipped('zh');
    expect(readFileSync(join(scratch, 'output', 'review.html'), 'utf8')).toBe(fromSources.reviewHtml);
    expect(readFileSync(join(scratch, 'output', 'evidence-table.html'), 'utf8')).toBe(fromSources.tableHtml);
  }, 60_000);
});
