// Medians and ranges of repeated measurements, and how the report prints them.

export interface Range {
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function range(values: readonly number[]): Range {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const seconds = ms / 1000;
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}

export function formatRange(value: Range | undefined): string {
  if (value === undefined) return '–';
  return `${formatSeconds(value.median)} (${formatSeconds(value.min)}–${formatSeconds(value.max)})`;
}

export function formatMegabytes(kilobytes: number | undefined): string {
  return kilobytes === undefined || !Number.isFinite(kilobytes) ? '–' : `${Math.round(kilobytes / 1024)} MB`;
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '–' : `${ratio.toFixed(2)}×`;
}
