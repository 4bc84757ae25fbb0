import { SlaMilestone, TicketSlaDto } from '@linli/contracts';
import { countdown, formatSpan } from './countdown';

const sla = (over: Partial<TicketSlaDto>): TicketSlaDto => ({
  milestone: SlaMilestone.Arrive,
  dueAt: '2026-11-23T01:10:00.000Z',
  state: 'ok',
  remainingMs: 10 * 60_000,
  ...over,
});

describe('countdown', () => {
  it.each([
    [30_000, '不到1分钟'],
    [8 * 60_000, '8分钟'],
    [80 * 60_000, '1小时20分'],
    [120 * 60_000, '2小时'],
    [(2 * 24 + 3) * 3_600_000 + 59_000, '2天3小时'],
    [-5 * 60_000, '5分钟'],
  ])('says %i ms as %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  it('counts down from what the server said, and turns red once the limit runs out', () => {
    expect(countdown(sla({}))).toEqual({ text: '到场剩余 10分钟', tone: 'ok' });
    expect(countdown(sla({ state: 'warning', remainingMs: 2 * 60_000 }))).toEqual({
      text: '到场剩余 2分钟',
      tone: 'warning',
    });
    expect(countdown(sla({}), 11 * 60_000)).toEqual({ text: '到场已超时 1分钟', tone: 'breached' });
    expect(countdown(sla({ state: 'breached', remainingMs: -3 * 60_000 }))).toEqual({
      text: '到场已超时 3分钟',
      tone: 'breached',
    });
  });

  it('says when the clock is paused', () => {
    expect(
      countdown(
        sla({
          milestone: SlaMilestone.Resolve,
          state: 'paused',
          dueAt: null,
          remainingMs: 3_600_000,
        }),
      ),
    ).toEqual({ text: '处理完成时限已暂停', tone: 'paused' });
  });
});
