// Shared by the parsers' regression tests: inputs that made a regular expression backtrack, and a timer for one call.

/** A parser must read any one cell within this many milliseconds. */
export const BUDGET_MS = 50;

/** `prefix`, then `unit` repeated, then `suffix`: `length` characters in all (the shape that makes a pattern backtrack). */
export function adversarial(prefix: string, unit: string, suffix: string, length: number): string {
  const body = unit.repeat(Math.ceil((length - prefix.length - suffix.length) / unit.length));
  return (prefix + body).slice(0, length - suffix.length) + suffix;
}

/**
 * What `parse` gives for `input`, and how many milliseconds the call took. A time just over budget
 * is measured again and the smaller kept, so that a garbage-collection pause does not fail a test.
 */
export function timed<T>(parse: (raw: string) => T, input: string): { result: T; ms: number } {
  let ms = Infinity;
  let result: T | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = performance.now();
    result = parse(input);
    ms = Math.min(ms, performance.now() - started);
    if (ms <= BUDGET_MS || ms > 1.5 * BUDGET_MS) break;
  }
  return { result: result as T, ms };
}
