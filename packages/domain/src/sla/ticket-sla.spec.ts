import { SlaMilestone, TicketAction, TicketKind } from '@linli/contracts';
import { WorkingCalendar } from '../calendar/working-calendar';
import { formatChinaDateTime } from '../time/china-time';
import { computeDeadline } from './deadline';
import {
  currentMilestone,
  milestonesMetBy,
  milestoneStatus,
  nextMilestoneCheck,
  planMilestones,
  PlannedMilestone,
} from './ticket-sla';

const calendar = new WorkingCalendar();
const china = (iso: string) => new Date(`${iso}+08:00`);
const dueOf = (m: PlannedMilestone) => {
  const r = computeDeadline(m.startAt, m.limit, calendar);
  if (r.paused) throw new Error('paused');
  return formatChinaDateTime(r.deadline);
};
const plan = (
  policyCodes: string[],
  kind: TicketKind,
  start: Date,
  extra: { emergency?: boolean; agreedAt?: Date | null } = {},
) =>
  planMilestones({
    policyCodes,
    kind,
    emergency: extra.emergency ?? false,
    start,
    agreedAt: extra.agreedAt ?? null,
    calendar,
  });

describe('planMilestones', () => {
  it('a common-area repair reported 2026-09-30 17:00 skips National Day and counts the make-up Saturday', () => {
    const ms = plan(
      ['ordinary_request', 'common_repair'],
      TicketKind.RepairCommon,
      china('2026-09-30T17:00:00'),
    );
    expect(ms.map((m) => [m.milestone, m.policyCode, dueOf(m)])).toEqual([
      [SlaMilestone.Respond, 'ordinary_request', '2026-09-30 19:00'],
      // Oct 1–7 off; Oct 8, Oct 9 and Saturday Oct 10 (调休上班) are the three working days; 24:00 of Oct 10.
      [SlaMilestone.Resolve, 'common_repair', '2026-10-11 00:00'],
    ]);
  });

  it('a 7-working-day home repair before Spring Festival 2026 waits out the holiday', () => {
    const ms = plan(
      ['ordinary_request', 'home_repair'],
      TicketKind.RepairHome,
      china('2026-02-12T10:00:00'),
    );
    const resolve = ms.find((m) => m.milestone === SlaMilestone.Resolve)!;
    // Feb 13 (Fri), then Feb 14 (Sat, make-up day), holiday Feb 15–23, then Feb 24, 25, 26, 27 and Feb 28 (Sat, make-up day).
    expect(dueOf(resolve)).toBe('2026-03-01 00:00');
  });

  it('a time agreed with the resident replaces the 7-working-day limit when it comes first', () => {
    const start = china('2026-11-23T09:00:00');
    const ms = plan(['home_repair'], TicketKind.RepairHome, start, {
      agreedAt: china('2026-11-24T15:00:00'),
    });
    expect(ms.map((m) => [m.milestone, dueOf(m)])).toEqual([
      [SlaMilestone.Resolve, '2026-11-24 15:00'],
    ]);
    const late = plan(['home_repair'], TicketKind.RepairHome, start, {
      agreedAt: china('2026-12-31T15:00:00'),
    });
    expect(dueOf(late[0])).toBe('2026-12-03 00:00');
  });

  describe('"at the agreed time, at most 7 working days" stays a working-day limit (issue 9 item 4)', () => {
    const start = china('2026-11-23T09:00:00'); // Monday
    const agreedLate = china('2026-12-31T15:00:00');
    const resolveOf = (agreedAt: Date) =>
      plan(['home_repair'], TicketKind.RepairHome, start, { agreedAt })[0].limit;
    const due = (
      limit: PlannedMilestone['limit'],
      cal: WorkingCalendar,
      pauses: { from: Date; to: Date | null }[] = [],
    ) => {
      const r = computeDeadline(start, limit, cal, pauses);
      if (r.paused) throw new Error('paused');
      return formatChinaDateTime(r.deadline);
    };

    it('keeps the working days and the agreed time, not wall minutes', () => {
      expect(resolveOf(agreedLate)).toEqual({
        kind: 'workingDays',
        days: 7,
        agreedAt: agreedLate.toISOString(),
      });
    });

    it('a pause walks forward over working days: a Friday-to-Monday pause adds one working day, not 72 hours', () => {
      const pause = { from: china('2026-11-27T00:00:00'), to: china('2026-11-30T00:00:00') };
      expect(due(resolveOf(agreedLate), calendar)).toBe('2026-12-03 00:00');
      expect(due(resolveOf(agreedLate), calendar, [pause])).toBe('2026-12-04 00:00');
    });

    it('a later calendar change (a company day off) moves the deadline', () => {
      const companyOff = new WorkingCalendar({
        overrides: [{ date: '2026-12-01', working: false }],
      });
      expect(due(resolveOf(agreedLate), companyOff)).toBe('2026-12-04 00:00');
    });

    it('an agreed time before the cap is the deadline, and a pause adds its wall time to the appointment', () => {
      const agreed = china('2026-11-24T15:00:00');
      expect(due(resolveOf(agreed), calendar)).toBe('2026-11-24 15:00');
      expect(
        due(resolveOf(agreed), calendar, [
          { from: china('2026-11-24T10:00:00'), to: china('2026-11-24T12:00:00') },
        ]),
      ).toBe('2026-11-24 17:00');
    });
  });

  it('the stricter of two limits on one milestone wins, and a flagged emergency adds the emergency limits', () => {
    const start = china('2026-11-23T09:00:00');
    const ms = plan(['ordinary_request', 'home_repair'], TicketKind.RepairHome, start, {
      emergency: true,
    });
    expect(ms.map((m) => [m.milestone, m.policyCode, dueOf(m)])).toEqual([
      [SlaMilestone.Respond, 'emergency_home', '2026-11-23 09:30'],
      [SlaMilestone.Arrive, 'emergency_home', '2026-11-23 09:10'],
      [SlaMilestone.Resolve, 'home_repair', '2026-12-03 00:00'],
    ]);
  });

  it('ignores unknown policy codes and plans nothing for praise', () => {
    expect(plan(['no_such_policy'], TicketKind.Praise, china('2026-11-23T09:00:00'))).toEqual([]);
  });
});

describe('milestones at a moment', () => {
  const start = china('2026-11-23T09:00:00');
  const [respond, arrive] = plan(['emergency_home'], TicketKind.RepairHome, start).map((m) => ({
    ...m,
    metAt: null as Date | null,
  }));

  it('are ok, then warning at 80%, then breached after the deadline', () => {
    expect(milestoneStatus(arrive, [], china('2026-11-23T09:05:00'), calendar).state).toBe('ok');
    expect(milestoneStatus(arrive, [], china('2026-11-23T09:08:00'), calendar).state).toBe(
      'warning',
    );
    expect(milestoneStatus(arrive, [], china('2026-11-23T09:10:00'), calendar).state).toBe(
      'warning',
    );
    const late = milestoneStatus(arrive, [], china('2026-11-23T09:11:00'), calendar);
    expect(late).toMatchObject({ state: 'breached', remainingMs: -60_000 });
    expect(
      milestoneStatus(
        { ...arrive, metAt: china('2026-11-23T09:09:00') },
        [],
        china('2026-11-23T10:00:00'),
        calendar,
      ).state,
    ).toBe('met');
  });

  it('stop while on hold, and the pause moves the deadline', () => {
    const onHold = milestoneStatus(
      respond,
      [{ from: china('2026-11-23T09:10:00'), to: null }],
      china('2026-11-23T12:00:00'),
      calendar,
    );
    expect(onHold).toMatchObject({ state: 'paused', dueAt: null, remainingMs: 20 * 60_000 });
    const resumed = milestoneStatus(
      respond,
      [{ from: china('2026-11-23T09:10:00'), to: china('2026-11-23T12:00:00') }],
      china('2026-11-23T12:05:00'),
      calendar,
    );
    expect(resumed.dueAt).toEqual(china('2026-11-23T12:20:00'));
  });

  it('the countdown shows the breached or soonest limit, paused ones last', () => {
    const now = china('2026-11-23T09:05:00');
    const statuses = [
      milestoneStatus(respond, [], now, calendar),
      milestoneStatus(arrive, [], now, calendar),
    ];
    expect(currentMilestone(statuses)?.milestone).toBe(SlaMilestone.Arrive);
    expect(
      currentMilestone([{ ...statuses[1], state: 'met', dueAt: null }, statuses[0]])?.milestone,
    ).toBe(SlaMilestone.Respond);
    expect(currentMilestone([{ ...statuses[1], state: 'met', dueAt: null }])).toBeNull();
  });

  it('tells the sweep when to look next: the warning point, then just after the deadline', () => {
    const now = china('2026-11-23T09:00:00');
    expect(nextMilestoneCheck([milestoneStatus(arrive, [], now, calendar)], now)).toEqual(
      china('2026-11-23T09:08:00'),
    );
    const warned = china('2026-11-23T09:08:00');
    expect(nextMilestoneCheck([milestoneStatus(arrive, [], warned, calendar)], warned)).toEqual(
      new Date(china('2026-11-23T09:10:00').getTime() + 1),
    );
    const breached = china('2026-11-23T09:11:00');
    expect(
      nextMilestoneCheck([milestoneStatus(arrive, [], breached, calendar)], breached),
    ).toBeNull();
  });
});

describe('milestonesMetBy', () => {
  it.each([
    [TicketAction.Accept, [SlaMilestone.Respond]],
    [TicketAction.Arrive, [SlaMilestone.Respond, SlaMilestone.Arrive]],
    [TicketAction.Resolve, Object.values(SlaMilestone)],
    [TicketAction.Hold, []],
  ])('%s meets %j', (action, met) => {
    expect(milestonesMetBy(action)).toEqual(met);
  });
});
