// Array steps safe at any length: a spread into a call (`push(...xs)`, `Math.max(...xs)`) puts every element on the stack and throws past about 125,000.

/** Appends every item of `items` to `target`, one by one. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  for (const value of values) if (value < min) min = value;
  return min;
}
