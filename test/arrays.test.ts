// pipeline/arrays.ts at lengths where a spread into a call throws, and no such spread left in pipeline/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAll, maxOf, minOf } from '../pipeline/arrays.ts';

const LONG = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);

describe('array steps at any length', () => {
  it('maxOf, minOf and appendAll take 500,000 items (Math.max(...xs) throws a RangeError there)', () => {
    expect(() => Math.max(...LONG)).toThrow(RangeError);
    expect(maxOf(LONG)).toBe(499_999);
    expect(minOf(LONG)).toBe(0);
    const target = [-1];
    appendAll(target, LONG);
    expect(target).toHaveLength(500_001);
    expect(target[500_000]).toBe(LONG.at(-1));
  });

  it('an empty list gives the floor asked for', () => {
    expect(maxOf([], 1)).toBe(1);
    expect(minOf([])).toBe(Infinity);
  });

  it('no source file spreads a list into Math.max, Math.min or push (issue 10, item 5)', () => {
    const root = join(import.meta.dirname, '..', 'pipeline');
    const spread = /Math\.(max|min)\([^)]*\.\.\.|\.push\(\.\.\./;
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && path !== 'arrays.ts')
      .flatMap((path) => readFileSync(join(root, path), 'utf8').split('\n').map((line, i) => [path, i + 1, line] as const))
      .filter(([, , line]) => spread.test(line))
      .map(([path, line]) => `${path}:${line}`);
    expect(offenders).toEqual([]);
  });
});
