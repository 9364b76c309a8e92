// Remembering per key: functions that remember their results per distinct arguments, and a map's value made on first use.

/** The keyed-store part of a Map or WeakMap that getOrInsert needs. */
interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value under `key`, made by `make` and stored the first time (what TC39's
 * `Map.prototype.getOrInsertComputed` will do). For maps whose values are never undefined.
 */
export function getOrInsert<K, V>(map: KeyedStore<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}

/**
 * `work` remembered per argument. Arguments are compared as Map keys are (SameValueZero: objects by
 * identity, NaN equal to NaN, −0 equal to 0), so `work` must give the same result for −0 and 0.
 * The memory lasts as long as the returned function: make one per document, not one per process.
 */
export function memo1<A, V>(work: (a: A) => V): (a: A) => V {
  const remembered = new Map<A, V>();
  return (a) => recall(remembered, a, work);
}

/** `work` remembered per five arguments; see `memo1`. Nested Maps, one per argument, so that no key is built per call. */
export function memo5<A, B, C, D, E, V>(work: (a: A, b: B, c: C, d: D, e: E) => V): (a: A, b: B, c: C, d: D, e: E) => V {
  const root: Level = new Map();
  return (a, b, c, d, e) => {
    const last = levelUnder(levelUnder(levelUnder(levelUnder(root, a), b), c), d) as Map<E, V>;
    let value = last.get(e);
    if (value !== undefined || last.has(e)) return value as V;
    value = work(a, b, c, d, e);
    last.set(e, value);
    return value;
  };
}

type Level = Map<unknown, unknown>;

function levelUnder(level: Level, key: unknown): Level {
  return getOrInsert(level, key, () => new Map()) as Level;
}

function recall<K, V>(remembered: Map<K, V>, key: K, work: (key: K) => V): V {
  let value = remembered.get(key);
  // A remembered result may itself be undefined: only then is `has` asked too.
  if (value !== undefined || remembered.has(key)) return value as V;
  value = work(key);
  remembered.set(key, value);
  return value;
}
