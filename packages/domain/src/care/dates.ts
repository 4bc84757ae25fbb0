/** 'YYYY-MM-DD' shifted by `days` (negative: earlier). */
export function addDays(dateKey: string, days: number): string {
  const t = Date.parse(`${dateKey}T00:00:00.000Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${dateKey}`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
