import { noticePinned, noticeReaches, unreadCallsDue } from './notice-rules';

const B1 = 'b1';
const B2 = 'b2';

describe('noticeReaches', () => {
  it.each<
    [
      string,
      { buildingIds: string[]; units: { buildingId: string; unit: string }[] },
      { buildingId: string; unit: string },
      boolean,
    ]
  >([
    ['whole community', { buildingIds: [], units: [] }, { buildingId: B2, unit: '2单元' }, true],
    ['its building', { buildingIds: [B1], units: [] }, { buildingId: B1, unit: '2单元' }, true],
    [
      'another building',
      { buildingIds: [B1], units: [] },
      { buildingId: B2, unit: '1单元' },
      false,
    ],
    [
      'its unit',
      { buildingIds: [], units: [{ buildingId: B1, unit: '1单元' }] },
      { buildingId: B1, unit: '1单元' },
      true,
    ],
    [
      'the same unit name in another building',
      { buildingIds: [], units: [{ buildingId: B1, unit: '1单元' }] },
      { buildingId: B2, unit: '1单元' },
      false,
    ],
    [
      'another unit of the building',
      { buildingIds: [], units: [{ buildingId: B1, unit: '1单元' }] },
      { buildingId: B1, unit: '2单元' },
      false,
    ],
  ])('%s → %s', (_n, target, place, expected) =>
    expect(noticeReaches(target, place)).toBe(expected),
  );
});

const at = (iso: string) => new Date(iso);

describe('noticePinned', () => {
  it.each<[string, string | null, string, boolean]>([
    ['not in force at all', null, '2026-11-23T02:00:00Z', false],
    ['scheduled, not yet published', '2026-11-30T00:00:00Z', '2026-11-21T02:00:00Z', false],
    ['in force', '2026-11-30T00:00:00Z', '2026-11-23T02:00:00Z', true],
    ['expired', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z', false],
  ])('%s → %s', (_n, until, now, expected) => {
    expect(
      noticePinned(
        { publishAt: at('2026-11-22T00:00:00Z'), inForceUntil: until ? at(until) : null },
        at(now),
      ),
    ).toBe(expected);
  });
});

describe('unreadCallsDue (an hour before the cut)', () => {
  const starts = at('2026-11-24T01:00:00Z');
  it.each([
    ['2026-11-23T23:59:59Z', false],
    ['2026-11-24T00:00:00Z', true],
    ['2026-11-24T00:59:00Z', true],
    ['2026-11-24T01:00:00Z', false],
  ])('at %s → %s', (now, expected) => expect(unreadCallsDue(starts, at(now))).toBe(expected));
});
