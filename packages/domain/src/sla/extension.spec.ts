import { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline } from './deadline';
import { extensionProblem, wallLimitUntil } from './extension';

const at = (iso: string) => new Date(iso);

describe('deadline extensions', () => {
  const now = at('2026-11-23T02:00:00Z');
  const due = at('2026-11-24T16:00:00Z');

  it.each([
    ['a paused or met limit', null, '2026-11-25T16:00:00Z', '该时限已暂停或已完成，无需延期'],
    ['an instant already past', due, '2026-11-23T01:00:00Z', '新的期限必须晚于现在'],
    ['the current deadline itself', due, '2026-11-24T16:00:00Z', '新的期限必须晚于当前期限'],
    ['an earlier deadline', due, '2026-11-24T10:00:00Z', '新的期限必须晚于当前期限'],
    ['more than the most a request may add', due, '2026-12-25T16:00:01Z', '一次最多延期 30 天'],
    ['no date at all', due, 'not a date', '请填写新的期限'],
  ])('refuses %s', (_what, current, until, message) => {
    expect(extensionProblem(current, new Date(until), now, 30)).toBe(message);
  });

  it('accepts a later deadline within the most a request may add', () => {
    expect(extensionProblem(due, at('2026-12-24T16:00:00Z'), now, 30)).toBeNull();
  });

  it('turns the approved instant into a wall limit that ends exactly there, pauses so far included', () => {
    const calendar = new WorkingCalendar();
    const start = at('2026-11-23T02:00:00Z');
    const pauses = [
      { from: at('2026-11-23T03:00:00Z'), to: at('2026-11-23T05:00:00Z') },
      { from: at('2026-11-23T04:00:00Z'), to: at('2026-11-23T06:00:00Z') }, // overlaps the first: counted once
    ];
    const until = at('2026-11-27T10:00:00Z');
    const limit = wallLimitUntil(start, until, pauses);
    expect(limit).toEqual({
      kind: 'wall',
      minutes: (until.getTime() - start.getTime()) / 60_000 - 3 * 60,
    });
    expect(computeDeadline(start, limit, calendar, pauses)).toEqual({
      paused: false,
      deadline: until,
    });
    // Without pauses the limit is simply the distance.
    expect(wallLimitUntil(start, until, [])).toEqual({
      kind: 'wall',
      minutes: (until.getTime() - start.getTime()) / 60_000,
    });
  });
});
