// Tests for progress reports: the line's wording, and silence off a terminal, with --quiet, and in the first second.
import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress } from '../../pipeline/cli/progress.ts';
import type { CliIO } from '../../pipeline/cli/io.ts';

function terminal(isTTY: boolean): { io: CliIO; written: string[] } {
  const written: string[] = [];
  const io: CliIO = { cwd: '/', env: {}, stdout: () => {}, stderr: (text) => void written.push(text), color: false, isTTY, version: 'test' };
  return { io, written };
}

describe('formatProgress', () => {
  it('gives rows, rate, share done and time left', () => {
    expect(formatProgress('checking', { rows: 523_000, bytes: 52, totalBytes: 100, elapsedMs: 9_000 })).toBe(
      'checking 523,000 rows · 58,111 rows/s · 52% · about 8 s left',
    );
  });

  it('leaves out what it cannot know', () => {
    expect(formatProgress('checking', { rows: 10, bytes: 0, totalBytes: 0, elapsedMs: 0 })).toBe('checking 10 rows');
  });
});

describe('createProgress', () => {
  const run = (isTTY: boolean, quiet: boolean, times: number[]) => {
    const { io, written } = terminal(isTTY);
    let tick = 0;
    const progress = createProgress(io, 'checking', 1000, quiet, () => times[Math.min(tick++, times.length - 1)] as number);
    progress.bytes(500);
    for (let i = 0; i < 3000; i++) progress.row();
    progress.done();
    return written;
  };

  it('draws on a terminal after the first second, and clears its line at the end', () => {
    const written = run(true, false, [0, 1500, 1800, 2100]);
    expect(written[0]).toBe('\r\u001b[Kchecking 1,000 rows · 667 rows/s · 50% · about 2 s left');
    expect(written[written.length - 1]).toBe('\r\u001b[K');
  });

  it('writes nothing off a terminal, with --quiet, or when done within a second', () => {
    expect(run(false, false, [0, 1500, 1800, 2100])).toEqual([]);
    expect(run(true, true, [0, 1500, 1800, 2100])).toEqual([]);
    expect(run(true, false, [0, 100, 200, 300])).toEqual([]);
  });
});
