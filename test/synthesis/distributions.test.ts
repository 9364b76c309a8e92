// The distributions against R's pnorm, qnorm, pchisq, qchisq, pt and qt (values in test/fixtures/metafor/expected.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  chiSquareTails,
  normalLower,
  normalQuantile,
  normalUpper,
  studentQuantile,
  studentUpper,
} from '../../pipeline/synthesis/distributions.ts';

interface Tail { x: number; df?: number; lower: number; upper: number }
interface Quantile { p: number; df?: number; q: number }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metafor/expected.json', import.meta.url), 'utf8')) as {
  distributions: { pnorm: Tail[]; qnorm: Quantile[]; pchisq: Tail[]; qchisq: Quantile[]; pt: Tail[]; qt: Quantile[] };
};
const { distributions } = fixture;

/** Relative agreement to 1e-12, or absolute 1e-300 for values R gives as (nearly) zero. */
function close(actual: number, expected: number, tolerance = 1e-12): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.abs(expected) + 1e-300;
}

describe('distributions agree with R', () => {
  it('pnorm, both tails', () => {
    for (const { x, lower, upper } of distributions.pnorm) {
      expect(close(normalLower(x), lower, 1e-11), `pnorm(${x}) = ${lower}, got ${normalLower(x)}`).toBe(true);
      expect(close(normalUpper(x), upper, 1e-11), `upper pnorm(${x}) = ${upper}, got ${normalUpper(x)}`).toBe(true);
    }
  });
  it('qnorm', () => {
    for (const { p, q } of distributions.qnorm) expect(close(normalQuantile(p), q), `qnorm(${p}) = ${q}, got ${normalQuantile(p)}`).toBe(true);
  });
  it('pchisq, both tails', () => {
    for (const { x, df, lower, upper } of distributions.pchisq) {
      const tails = chiSquareTails(x, df!);
      expect(close(tails.lower, lower, 1e-11), `pchisq(${x}, ${df}) = ${lower}, got ${tails.lower}`).toBe(true);
      expect(close(tails.upper, upper, 1e-11), `upper pchisq(${x}, ${df}) = ${upper}, got ${tails.upper}`).toBe(true);
    }
  });
  it('qchisq', () => {
    for (const { p, df, q } of distributions.qchisq) {
      expect(close(chiSquareQuantile(p, df!), q, 1e-10), `qchisq(${p}, ${df}) = ${q}, got ${chiSquareQuantile(p, df!)}`).toBe(true);
    }
  });
  it('pt, both tails', () => {
    for (const { x, df, lower, upper } of distributions.pt) {
      expect(close(1 - studentUpper(x, df!), lower, 1e-11) || close(studentUpper(-x, df!), lower, 1e-11), `pt(${x}, ${df}) = ${lower}`).toBe(true);
      expect(close(studentUpper(x, df!), upper, 1e-11), `upper pt(${x}, ${df}) = ${upper}, got ${studentUpper(x, df!)}`).toBe(true);
    }
  });
  it('qt', () => {
    for (const { p, df, q } of distributions.qt) {
      expect(close(studentQuantile(p, df!), q, 1e-10), `qt(${p}, ${df}) = ${q}, got ${studentQuantile(p, df!)}`).toBe(true);
    }
  });
});
