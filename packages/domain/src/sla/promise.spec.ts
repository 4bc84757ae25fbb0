import { SlaMilestone, TicketKind } from '@linli/contracts';
import { formatDeadline, promiseTime, residentPromise } from './promise';

// Friday 4 December 2026, 15:00 China time.
const now = new Date('2026-12-04T07:00:00Z');
const china = (iso: string) => new Date(`${iso}+08:00`);

describe('the one promise a resident sees', () => {
  it.each([
    // [milestone, kind, due (China time), state, text, status]
    [
      SlaMilestone.Arrive,
      TicketKind.RepairHome,
      '2026-12-04T15:52:00',
      'ok',
      '维修人员将于今天 15:52 前上门',
      '按时处理中',
    ],
    [
      SlaMilestone.Arrive,
      TicketKind.RepairCommon,
      '2026-12-04T15:10:00',
      'warning',
      '工作人员将于今天 15:10 前到场',
      '临近承诺时间',
    ],
    [
      SlaMilestone.Arrive,
      TicketKind.Complaint,
      '2026-12-04T15:15:00',
      'ok',
      '管家将于今天 15:15 前到场处理',
      '按时处理中',
    ],
    [
      SlaMilestone.Respond,
      TicketKind.Inquiry,
      '2026-12-05T09:00:00',
      'ok',
      '管家将于明天 09:00 前受理',
      '按时处理中',
    ],
    // A working-day limit ends at 24:00: the day it closes, not the next midnight.
    [
      SlaMilestone.Resolve,
      TicketKind.RepairHome,
      '2026-12-17T00:00:00',
      'ok',
      '预计12月16日内处理完成',
      '按时处理中',
    ],
    [
      SlaMilestone.Resolve,
      TicketKind.RepairHome,
      '2026-12-05T00:00:00',
      'ok',
      '预计今天内处理完成',
      '按时处理中',
    ],
    // Late: told as what was promised.
    [
      SlaMilestone.Resolve,
      TicketKind.Complaint,
      '2026-12-04T14:00:00',
      'breached',
      '原定今天 14:00 前处理完成',
      '已超过承诺时间',
    ],
    [
      SlaMilestone.Respond,
      TicketKind.RepairHome,
      '2026-12-04T14:30:00',
      'breached',
      '管家原定今天 14:30 前受理',
      '已超过承诺时间',
    ],
    [
      SlaMilestone.Reply,
      TicketKind.Complaint,
      '2026-12-08T00:00:00',
      'ok',
      '将于12月7日内答复您',
      '按时处理中',
    ],
  ] as const)('%s of a %s due %s (%s)', (milestone, kind, due, state, text, status) => {
    expect(residentPromise({ milestone, kind, dueAt: china(due), state }, now)).toEqual({
      text,
      status,
      tone: state,
    });
  });

  it('paused: no time promised; no running limit: no promise at all', () => {
    expect(
      residentPromise(
        {
          milestone: SlaMilestone.Resolve,
          kind: TicketKind.RepairHome,
          dueAt: null,
          state: 'paused',
        },
        now,
      ),
    ).toEqual({
      text: '处理暂停中，恢复后继续计时',
      status: '已暂停计时',
      tone: 'paused',
    });
    expect(residentPromise(null, now)).toBeNull();
  });

  it.each([
    ['2026-12-04T23:59:00', '今天 23:59', false],
    ['2026-12-05T00:00:00', '今天', true],
    ['2026-12-06T00:00:01', '12月6日 00:00', false],
    ['2027-01-01T08:30:00', '1月1日 08:30', false],
  ])('time %s reads %s', (due, text, endOfDay) => {
    expect(promiseTime(china(due), now)).toEqual({ text, endOfDay });
  });
});

describe('deadlines for staff', () => {
  it.each([
    ['2026-12-16T00:00:00', '2026-12-15 24:00'],
    ['2026-12-16T00:01:00', '2026-12-16 00:01'],
    ['2026-12-04T15:52:00', '2026-12-04 15:52'],
  ])('%s reads %s', (due, text) => {
    expect(formatDeadline(china(due))).toBe(text);
  });
});
