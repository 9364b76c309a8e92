// How pooled figures are printed, as RevMan prints them: shared by `review analyse`'s table, the {{pooled}} helper and 本次更新.
import { formatNumber } from '../render/format.ts';

/** An estimate or bound: two decimals, three below 0.1 in size; a true minus sign. */
export function estimateText(value: number): string {
  return formatNumber(value, value !== 0 && Math.abs(value) < 0.1 ? 3 : 2);
}

/** A p-value without its "P": `0.04`, `0.003`, `0.0004`, `<0.0001`, `<0.00001`. */
export function pValueText(p: number): string {
  if (p < 0.00001) return '<0.00001';
  if (p < 0.0001) return '<0.0001';
  if (p < 0.001) return p.toFixed(4);
  return p.toFixed(p < 0.01 ? 3 : 2);
}

/** `P = 0.04` or `P < 0.0001`. */
export function pStatement(p: number): string {
  const text = pValueText(p);
  return text.startsWith('<') ? `P < ${text.slice(1)}` : `P = ${text}`;
}
