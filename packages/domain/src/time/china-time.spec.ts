import { chinaDateKey, chinaMidnight, formatChinaDateTime } from './china-time';

describe('china time', () => {
  it.each([
    ['2026-11-22T15:59:59.999Z', '2026-11-22'],
    ['2026-11-22T16:00:00.000Z', '2026-11-23'],
    ['2026-12-31T20:00:00.000Z', '2027-01-01'],
  ])('%s falls on China day %s', (iso, key) => {
    expect(chinaDateKey(new Date(iso))).toBe(key);
  });

  it('formats in China time', () => {
    expect(formatChinaDateTime(new Date('2026-10-01T18:30:00Z'))).toBe('2026-10-02 02:30');
  });

  it('finds China midnight as a UTC instant', () => {
    expect(chinaMidnight('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(() => chinaMidnight('not-a-date')).toThrow(RangeError);
  });
});
