// Number and interval formatting for rendered text: true minus signs, decimals as the source wrote them.
import { exponentDecimals } from '../normalise/number.ts';
import type { Duration } from '../normalise/duration.ts';
import { label } from './labels.ts';

export type Lang = 'zh' | 'en';

/** A number with U+2212 for negatives; `decimals` fixes the decimals, otherwise the shortest exact form. */
export function formatNumber(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(Number(value.toPrecision(12))) : value.toFixed(decimals);
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

/**
 * Decimals to show for a value read from `raw` (so "-10.0" stays "−10.0"): the digits after the first
 * point (ASCII or full-width) that has digits after it, as `/[.．](\d+)/` would find them. Read
 * character by character: a table reads hundreds of thousands of numbers, and each match of the
 * pattern would allocate an array.
 */
export function decimalsOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  // With an exponent the decimals are those of the number it stands for (9.2e1 is 92, not 92.0): as parsed.
  const exponent = raw.includes('e') || raw.includes('E') ? exponentDecimals(raw) : undefined;
  if (exponent !== undefined) return exponent;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code !== FULL_STOP && code !== FULL_WIDTH_FULL_STOP) continue;
    let end = i + 1;
    while (end < raw.length && isAsciiDigit(raw.charCodeAt(end))) end++;
    if (end > i + 1) return end - i - 1;
  }
  return 0;
}

const FULL_STOP = 0x2e;
const FULL_WIDTH_FULL_STOP = 0xff0e;

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A confidence interval: "−10.0 至 −6.8" in Chinese, "−10.0 to −6.8" in English. */
export function formatInterval(low: string, high: string, lang: Lang): string {
  return `${low} ${lang === 'zh' ? '至' : 'to'} ${high}`;
}

/**
 * `formatNumber`, with `suffix` after it, remembered per value and decimals: a table writes a few
 * thousand distinct numbers hundreds of thousands of times, and each remembered one spares a
 * `toFixed` call and a new string. Make one per document.
 */
export function numberFormatter(suffix = ''): (value: number, decimals?: number) => string {
  // One Map per count of decimals, found by index: a small integer needs no second lookup by key.
  const byDecimals: Map<number, string>[] = [];
  const shortest = new Map<number, string>();
  return (value, decimals) => {
    const texts = decimals === undefined ? shortest : (byDecimals[decimals] ??= new Map());
    let text = texts.get(value);
    // A Map holds −0 as 0, which is harmless: both format as "0", "0.0" …
    if (text === undefined) texts.set(value, (text = formatNumber(value, decimals) + suffix));
    return text;
  };
}

/**
 * A parsed duration in the document's words ("30 个月", "30 months"): the amount as recorded, the unit as the
 * language writes it. Formatting, not translation: the record says 30 months either way.
 */
export function formatDuration(duration: Duration, lang: Lang): string {
  const amount = formatNumber(duration.amount);
  const unit = label(duration.amount === 1 ? duration.unit : `${duration.unit}s`, lang);
  return `${amount} ${unit}`;
}
