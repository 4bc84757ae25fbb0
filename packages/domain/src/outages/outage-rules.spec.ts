import { outageCovers, OutageWindow, outageWindowProblem } from './outage-rules';

const at = (iso: string) => new Date(iso);
const tankCleaning: OutageWindow = {
  kind: 'water',
  buildingIds: ['b1', 'b2'],
  startsAt: at('2026-11-24T01:00:00Z'),
  endsAt: at('2026-11-24T10:00:00Z'),
  active: true,
};

describe('which reports a planned cut covers', () => {
  it.each([
    [
      'a water-cut report in a covered building during the window',
      { buildingId: 'b1', categoryCode: 'water_cut', at: at('2026-11-24T03:00:00Z') },
      true,
    ],
    [
      'at the announced start and end exactly',
      { buildingId: 'b2', categoryCode: 'water_cut', at: at('2026-11-24T10:00:00Z') },
      true,
    ],
    [
      'before the cut starts',
      { buildingId: 'b1', categoryCode: 'water_cut', at: at('2026-11-24T00:59:59Z') },
      false,
    ],
    [
      'after the announced end: a real fault',
      { buildingId: 'b1', categoryCode: 'water_cut', at: at('2026-11-24T10:00:01Z') },
      false,
    ],
    [
      'another building',
      { buildingId: 'b3', categoryCode: 'water_cut', at: at('2026-11-24T03:00:00Z') },
      false,
    ],
    [
      'a leak during the water cut: its own emergency',
      { buildingId: 'b1', categoryCode: 'water_leak', at: at('2026-11-24T03:00:00Z') },
      false,
    ],
    [
      'a power cut during a water cut',
      { buildingId: 'b1', categoryCode: 'power_cut', at: at('2026-11-24T03:00:00Z') },
      false,
    ],
  ])('%s: %s', (_what, report, covered) => {
    expect(outageCovers(tankCleaning, report)).toBe(covered);
  });

  it('covers every building when none is named, and nothing once closed', () => {
    const whole = { ...tankCleaning, buildingIds: [] };
    expect(
      outageCovers(whole, {
        buildingId: 'b9',
        categoryCode: 'water_cut',
        at: at('2026-11-24T03:00:00Z'),
      }),
    ).toBe(true);
    expect(
      outageCovers(
        { ...whole, active: false },
        { buildingId: 'b9', categoryCode: 'water_cut', at: at('2026-11-24T03:00:00Z') },
      ),
    ).toBe(false);
  });
});

describe('a planned window', () => {
  const now = at('2026-11-23T02:00:00Z');
  it.each([
    ['2026-11-24T01:00:00Z', '2026-11-24T10:00:00Z', null],
    ['2026-11-24T10:00:00Z', '2026-11-24T01:00:00Z', '结束时间必须晚于开始时间'],
    ['2026-11-22T01:00:00Z', '2026-11-23T01:00:00Z', '结束时间已过，无需发布'],
    ['2026-11-24T01:00:00Z', '2026-11-28T01:00:00Z', '一次计划停水停电不能超过 72 小时'],
    ['bad', '2026-11-24T01:00:00Z', '请填写开始和结束时间'],
  ])('%s → %s: %s', (from, to, problem) => {
    expect(outageWindowProblem(new Date(from), new Date(to), now)).toBe(problem);
  });
});
