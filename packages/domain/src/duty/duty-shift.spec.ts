import { dutyShiftProblem } from './duty-shift';

const at = (iso: string) => new Date(`${iso}+08:00`);
const now = at('2026-03-02T10:00:00');

describe('dutyShiftProblem', () => {
  it('accepts a shift of at most 24 h that has not ended, planned at most 62 days ahead', () => {
    expect(dutyShiftProblem(at('2026-03-02T08:00:00'), at('2026-03-03T08:00:00'), now)).toBeNull();
    expect(dutyShiftProblem(at('2026-05-03T08:00:00'), at('2026-05-03T20:00:00'), now)).toBeNull();
  });

  it.each([
    ['2026-03-02T12:00:00', '2026-03-02T12:00:00', '结束时间必须晚于开始时间'],
    ['2026-03-02T12:00:00', '2026-03-03T12:00:01', '一个班次不能超过 24 小时'],
    ['2026-03-02T06:00:00', '2026-03-02T10:00:00', '该班次已结束'],
    ['2026-05-03T10:00:01', '2026-05-03T20:00:00', '最多提前 62 天排班'],
  ])('refuses %s – %s: %s', (start, end, problem) => {
    expect(dutyShiftProblem(at(start), at(end), now)).toBe(problem);
  });
});
