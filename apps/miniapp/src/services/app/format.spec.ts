import { chinaInputToIso } from './format';

describe('a time typed in China time', () => {
  it.each([
    ['2026-11-30 18:00', '2026-11-30T10:00:00.000Z'],
    ['2026-12-01 07:30', '2026-11-30T23:30:00.000Z'],
    ['  2026-11-30   9:05 ', '2026-11-30T01:05:00.000Z'],
  ])('%s is %s', (text, iso) => expect(chinaInputToIso(text)).toBe(iso));

  it.each([
    '2026-11-30',
    '30/11/2026 18:00',
    '下周一',
    '',
    '2026-02-30 10:00',
    '2026-11-30 25:00',
    '2026-11-30 18:61',
  ])('%s is not a time', (text) => expect(chinaInputToIso(text)).toBeNull());
});
