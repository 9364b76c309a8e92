// The result shape every value parser returns: a value, or a reason it did not parse (and a near fix if one exists).

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; suggestion?: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function rejected<T = never>(reason: string, suggestion?: string): Parsed<T> {
  return suggestion === undefined ? { ok: false, reason } : { ok: false, reason, suggestion };
}
