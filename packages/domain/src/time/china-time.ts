/**
 * China time (Asia/Shanghai) has been UTC+8 all year since 1991: no daylight saving.
 * Times are stored in UTC and shown in China time; these helpers do that conversion without
 * depending on the host's time zone.
 */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the China-time calendar day containing `instant`. */
export function chinaDateKey(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' in China time, the format shown to people. */
export function formatChinaDateTime(instant: Date): string {
  const iso = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The UTC instant of China-time midnight starting the day `dateKey` ('YYYY-MM-DD'). */
export function chinaMidnight(dateKey: string): Date {
  const utcMidnight = Date.parse(`${dateKey}T00:00:00.000Z`);
  if (Number.isNaN(utcMidnight)) throw new RangeError(`not a date: ${dateKey}`);
  return new Date(utcMidnight - CHINA_OFFSET_MS);
}
