/**
 * Order statistics for the indicators. One convention everywhere (dashboard, reports, exports):
 * the nearest-rank percentile — the p-th percentile of n sorted values is the value at rank ⌈p/100 · n⌉
 * (1-based). The median is the 50th percentile by that rule, so it is always a value that occurred
 * (for an even count, the lower of the two middle values).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
}

export function distribution(values: readonly number[]): Distribution {
  return { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) };
}

/** A share as a fraction rounded to 4 decimals (so 0.9375 shows as 93.75%); null when nothing was counted. */
export function share(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}
