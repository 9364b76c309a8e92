// Number and interval formatting for rendered text: true minus signs, decimals as the source wrote them.
export type Lang = 'zh' | 'en';

/** A number with U+2212 for negatives; `decimals` fixes the decimals, otherwise the shortest exact form. */
export function formatNumber(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(Number(value.toPrecision(12))) : value.toFixed(decimals);
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

/** Decimals to show for a value read from `raw` (so "-10.0" stays "−10.0"). */
export function decimalsOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /[.．](\d+)/.exec(raw);
  return match ? (match[1]?.length ?? 0) : 0;
}

/** A confidence interval: "−10.0 至 −6.8" in Chinese, "−10.0 to −6.8" in English. */
export function formatInterval(low: string, high: string, lang: Lang): string {
  return `${low} ${lang === 'zh' ? '至' : 'to'} ${high}`;
}
