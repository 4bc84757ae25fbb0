import { HouseholdDocument, RENOVATION_DOCUMENTS } from '@linli/contracts';

/**
 * The household file is reviewed every quarter (docs/domain-rules.md §3). Dates are China calendar days,
 * 'YYYY-MM-DD'. A month later than the 31st is the last day of the shorter month (11-30 + 3 → 02-28).
 */
export function addMonthsToDateKey(dateKey: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateKey);
  if (!m) throw new RangeError(`not a date: ${dateKey}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetweenDateKeys(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Which papers a file must hold: the move-in set always; the renovation set once one of it is on file. */
export function requiredDocuments(onFile: ReadonlySet<HouseholdDocument>): Set<HouseholdDocument> {
  const renovating = RENOVATION_DOCUMENTS.some((d) => onFile.has(d));
  return new Set(
    Object.values(HouseholdDocument).filter((d) => renovating || !RENOVATION_DOCUMENTS.includes(d)),
  );
}
