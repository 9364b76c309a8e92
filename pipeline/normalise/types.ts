// The result shape every value parser returns: a value, or a reason it did not parse (and a near fix if one exists).

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; suggestion?: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function rejected<T = never>(reason: string, suggestion?: string): Parsed<T> {
  return suggestion === undefined ? { ok: false, reason } : { ok: false, reason, suggestion };
}

const PREVIEW_LENGTH = 20;

/** Text as quoted in a reason when it may be long: at most its first 20 characters, then '…' if there is more. */
export function preview(text: string): string {
  if (text.length <= PREVIEW_LENGTH) return text;
  // Never cut a surrogate pair in two.
  const last = text.charCodeAt(PREVIEW_LENGTH - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH;
  return `${text.slice(0, end)}…`;
}

/**
 * The rejection of text longer than `limit`, which a parser returns before any pattern runs on it
 * ("'1234567890…' is 20000 characters long; a percent is a few characters"); undefined when the
 * text is short enough. `what` says how long the value should be.
 */
export function tooLong(raw: string, limit: number, what: string): Parsed<never> | undefined {
  return raw.length > limit ? rejected(`'${preview(raw)}' is ${raw.length} characters long; ${what}`) : undefined;
}
