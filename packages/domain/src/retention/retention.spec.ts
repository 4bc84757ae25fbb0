import { isPastRetention, retentionCutoff } from './retention';

const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

describe('retentionCutoff (China midnight, `years` back)', () => {
  it.each([
    ['2026-12-04 10:00', 2, '2024-12-04 00:00'],
    // 00:30 on the 4th in China is still the 3rd in UTC: the China date counts.
    ['2026-12-04 00:30', 2, '2024-12-04 00:00'],
    ['2028-02-29 09:00', 2, '2026-02-28 00:00'],
    ['2028-02-29 09:00', 4, '2024-02-29 00:00'],
    ['2026-01-01 00:00', 1, '2025-01-01 00:00'],
  ])('at %s with %i years: %s', (now, years, cutoff) => {
    expect(retentionCutoff(cn(now), { years })).toEqual(cn(cutoff));
  });
});

describe('isPastRetention', () => {
  const now = cn('2026-12-04 10:00');
  it.each([
    ['finished, last touched the day before the cutoff', true, '2024-12-03 23:59', true],
    ['finished, last touched at the cutoff', true, '2024-12-04 00:00', false],
    ['finished, recent', true, '2026-11-01 10:00', false],
    ['still open, three years old', false, '2023-06-01 10:00', false],
  ])('%s', (_, finished, last, past) => {
    expect(
      isPastRetention({ finished: finished as boolean, lastActivityAt: cn(last as string) }, now),
    ).toBe(past);
  });
  it('follows the configured years', () => {
    expect(
      isPastRetention({ finished: true, lastActivityAt: cn('2025-11-01 10:00') }, now, {
        years: 1,
      }),
    ).toBe(true);
    expect(
      isPastRetention({ finished: true, lastActivityAt: cn('2025-11-01 10:00') }, now, {
        years: 2,
      }),
    ).toBe(false);
  });
});
