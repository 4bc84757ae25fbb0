import {
  Channel,
  SlaMilestone,
  TicketAction,
  TicketKind,
  TicketStatus,
  type SlaLimit,
} from '@linli/contracts';
import { WorkingCalendar } from '../calendar/working-calendar';
import {
  computeIndicators,
  IndicatorMilestone,
  IndicatorTicket,
  OverallVerdict,
  pausedWallMs,
  responsibleDepartment,
} from './indicators';
import { percentile } from './stats';

/**
 * A hand-worked month (November 2026, China time). Every expected figure below is worked out in the
 * comments from the fixture, not read back from the code.
 */
const calendar = new WorkingCalendar();
const cn = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const wall = (minutes: number): SlaLimit => ({ kind: 'wall', minutes });

interface Spec {
  id: string;
  kind?: TicketKind;
  emergency?: boolean;
  created: string;
  events?: [TicketAction, string, string?][];
  pauses?: [string, string | null][];
  milestones?: (Partial<Omit<IndicatorMilestone, 'startAt'>> & {
    milestone: SlaMilestone;
    limit: SlaLimit;
    startAt?: string;
    warned?: string;
    breached?: string;
  })[];
  extensions?: ('approved' | 'rejected' | 'pending')[];
  department?: string;
}

function ticket(s: Spec): IndicatorTicket {
  return {
    id: s.id,
    code: s.id,
    kind: s.kind ?? TicketKind.RepairHome,
    categoryCode: s.kind === TicketKind.Complaint ? 'complaint_general' : 'leak',
    channel: Channel.MiniProgram,
    buildingId: 'b1',
    department: s.department ?? 'engineering',
    emergency: s.emergency ?? false,
    serious: false,
    status: TicketStatus.Accepted,
    createdAt: cn(s.created),
    pauses: (s.pauses ?? []).map(([from, to]) => ({ from: cn(from), to: to ? cn(to) : null })),
    events: (s.events ?? []).map(([action, at, actorId]) => ({
      action,
      at: cn(at),
      actorId: actorId ?? 'u1',
    })),
    milestones: (s.milestones ?? []).map((m) => ({
      milestone: m.milestone,
      limit: m.limit,
      startAt: cn(m.startAt ?? s.created),
      metAt: null,
      warnedAt: m.warned ? cn(m.warned) : null,
      breachedAt: m.breached ? cn(m.breached) : null,
    })),
    extensions: (s.extensions ?? []).map((status) => ({ status, requestedAt: cn(s.created) })),
  };
}

const A = TicketAction;
const M = SlaMilestone;
const emergencyLimits = (
  extra: Partial<Record<'respondWarned' | 'respondBreached', string>> = {},
) => [
  {
    milestone: M.Respond,
    limit: wall(30),
    warned: extra.respondWarned,
    breached: extra.respondBreached,
  },
  { milestone: M.Resolve, limit: wall(240) },
];
const complaintLimits = (extra: { warned?: string; breached?: string } = {}) => [
  { milestone: M.Respond, limit: wall(120) },
  { milestone: M.Resolve, limit: wall(1440), warned: extra.warned, breached: extra.breached },
];

const NOVEMBER: IndicatorTicket[] = [
  // Emergencies (respond within 30 minutes).
  ticket({
    id: 'E1',
    emergency: true,
    created: '2026-11-03 10:00',
    events: [
      [A.Accept, '2026-11-03 10:20'],
      [A.Resolve, '2026-11-03 11:00'],
    ],
    milestones: emergencyLimits(),
  }), // 20 min: on time
  ticket({
    id: 'E2',
    emergency: true,
    created: '2026-11-05 02:00',
    events: [
      [A.Escalate, '2026-11-05 02:31', undefined],
      [A.Accept, '2026-11-05 02:45', 'u2'],
      [A.Resolve, '2026-11-05 04:00', 'u2'],
    ],
    milestones: emergencyLimits({
      respondWarned: '2026-11-05 02:24',
      respondBreached: '2026-11-05 02:31',
    }),
  }), // 45 min: late
  ticket({
    id: 'E3',
    emergency: true,
    created: '2026-11-30 23:50',
    events: [[A.Accept, '2026-12-01 00:10']],
    milestones: emergencyLimits(),
  }), // across the month end, 20 min: on time
  ticket({
    id: 'E4',
    emergency: true,
    created: '2026-11-10 09:00',
    pauses: [['2026-11-10 09:10', '2026-11-10 09:40']],
    events: [
      [A.Hold, '2026-11-10 09:10'],
      [A.Resume, '2026-11-10 09:40'],
      [A.Accept, '2026-11-10 09:50'],
      [A.Resolve, '2026-11-10 10:50'],
    ],
    milestones: emergencyLimits(),
  }), // 50 min less a 30-minute pause = 20: on time
  ticket({ id: 'E5', emergency: true, created: '2026-11-30 23:55', milestones: emergencyLimits() }), // due 00:25, asOf 00:20: pending
  ticket({
    id: 'E6',
    emergency: true,
    created: '2026-11-20 08:00',
    events: [[A.Cancel, '2026-11-20 08:05']],
    milestones: emergencyLimits(),
  }), // withdrawn: not counted
  ticket({ id: 'X1', emergency: true, created: '2026-12-01 00:05' }), // December
  ticket({ id: 'X2', emergency: true, created: '2026-10-31 23:59' }), // October
  // Complaints (resolve within 24 hours).
  ticket({
    id: 'C1',
    kind: TicketKind.Complaint,
    created: '2026-11-02 10:00',
    events: [
      [A.Accept, '2026-11-02 10:30'],
      [A.Resolve, '2026-11-02 18:00'],
      [A.Reopen, '2026-11-03 09:00'],
      [A.Resolve, '2026-11-04 10:00'],
    ],
    milestones: complaintLimits(),
  }), // first resolution after 8 h: on time; reopened once
  ticket({
    id: 'C2',
    kind: TicketKind.Complaint,
    created: '2026-11-06 10:00',
    events: [
      [A.Accept, '2026-11-06 10:10', 'u2'],
      [A.Escalate, '2026-11-07 10:00'],
      [A.Escalate, '2026-11-08 10:00'],
      [A.Resolve, '2026-11-07 12:00', 'u2'],
    ],
    milestones: complaintLimits({ warned: '2026-11-07 05:12', breached: '2026-11-07 10:00' }),
    extensions: ['rejected'],
    department: 'environment',
  }), // 26 h: late
  ticket({
    id: 'C3',
    kind: TicketKind.Complaint,
    created: '2026-11-30 20:00',
    events: [[A.Accept, '2026-11-30 20:30']],
    milestones: complaintLimits(),
  }), // due 12-01 20:00: pending
  ticket({
    id: 'C4',
    kind: TicketKind.Complaint,
    created: '2026-11-12 10:00', // Thursday
    events: [
      [A.MarkInvalid, '2026-11-12 11:00'],
      [A.Reply, '2026-11-16 09:00'],
    ],
    // 1 working day from Thursday 11:00: 24:00 of Friday 11-13. Answered Monday: late.
    milestones: [
      ...complaintLimits(),
      {
        milestone: M.Reply,
        limit: { kind: 'workingDays', days: 1 },
        startAt: '2026-11-12 11:00',
        breached: '2026-11-14 00:00',
      },
    ],
  }),
  ticket({
    id: 'C5',
    kind: TicketKind.Complaint,
    created: '2026-11-13 09:00',
    events: [
      [A.MarkInvalid, '2026-11-13 09:30'],
      [A.Reply, '2026-11-13 15:00'],
    ],
    milestones: [
      ...complaintLimits(),
      { milestone: M.Reply, limit: { kind: 'workingDays', days: 1 }, startAt: '2026-11-13 09:30' },
    ],
  }),
  // A home repair counted in working days, paused for a full working day.
  ticket({
    id: 'R1',
    created: '2026-11-09 10:00', // Monday
    pauses: [['2026-11-10 10:00', '2026-11-11 10:00']],
    events: [
      [A.Accept, '2026-11-09 11:00', 'u2'],
      [A.Hold, '2026-11-10 10:00', 'u2'],
      [A.Resume, '2026-11-11 10:00', 'u2'],
      [A.Resolve, '2026-11-12 10:00', 'u2'],
    ],
    milestones: [
      { milestone: M.Respond, limit: wall(120) },
      { milestone: M.Resolve, limit: { kind: 'workingDays', days: 7 } },
    ],
    extensions: ['approved'],
  }), // 3 working days less 1 paused = 2 working days
];

const period = {
  from: cn('2026-11-01 00:00'),
  to: cn('2026-12-01 00:00'),
  asOf: cn('2026-12-01 00:20'),
  calendar,
};

describe('computeIndicators over a hand-worked November', () => {
  const verdicts = new Map<string, OverallVerdict>([
    ['E1', 'satisfied'],
    ['C1', 'basic'],
    ['C2', 'dissatisfied'],
    ['X1', 'satisfied'], // December: not in the cohort
  ]);
  const r = computeIndicators({
    tickets: NOVEMBER,
    ...period,
    verdicts,
    calledBack: new Set(['C1']),
    survey: { invited: 40, answered: 18 },
  });

  it('counts the month received, month boundaries in China time', () => {
    // E1–E6, C1–C5, R1; X1 (December) and X2 (October) are outside.
    expect(r.received).toBe(12);
    expect(r.byKind).toEqual([
      { key: TicketKind.RepairHome, count: 7 },
      { key: TicketKind.Complaint, count: 5 },
    ]);
    expect(r.complaintsByCategory).toEqual([{ key: 'complaint_general', count: 5 }]);
    expect(r.byDepartment).toEqual([
      { key: 'engineering', count: 11 },
      { key: 'environment', count: 1 },
    ]);
  });

  it('emergencies responded within 30 minutes: 3 of 4 counted, one pending, a withdrawn one left out', () => {
    const h = r.headline.emergencyResponse;
    expect([h.numerator, h.denominator, h.rate, h.met]).toEqual([3, 4, 0.75, false]);
    expect(h.missedTicketIds).toEqual(['E2']);
    expect(h.pendingTicketIds).toEqual(['E5']);
  });

  it('valid complaints resolved within 24 hours: the first resolution counts, invalid complaints are apart', () => {
    const h = r.headline.complaintResolve;
    expect([h.numerator, h.denominator, h.rate, h.met]).toEqual([1, 2, 0.5, false]);
    expect(h.missedTicketIds).toEqual(['C2']);
    expect(h.pendingTicketIds).toEqual(['C3']);
  });

  it('satisfaction is (满意 + 基本满意) / rated, over the cohort only', () => {
    const h = r.headline.satisfaction;
    expect([h.numerator, h.denominator, h.rate, h.met, h.available]).toEqual([
      2,
      3,
      0.6667,
      false,
      true,
    ]);
    expect(h.missedTicketIds).toEqual(['C2']);
  });

  it('callback coverage counts resolved valid complaints with a completed callback', () => {
    expect([
      r.headline.callbackCoverage.numerator,
      r.headline.callbackCoverage.denominator,
      r.headline.callbackCoverage.rate,
    ]).toEqual([1, 2, 0.5]);
  });

  it('questionnaire response rate against the 50% rule', () => {
    expect([r.headline.surveyResponse.rate, r.headline.surveyResponse.met]).toEqual([0.45, false]);
  });

  it('first response and resolution times, nearest-rank median and p90', () => {
    // Responses (min): E1 20, E2 45, E3 20, E4 20, C1 30, C2 10, C3 30, C4 60, C5 30, R1 60 → sorted
    // 10 20 20 20 30 30 30 45 60 60: median rank 5 = 30, p90 rank 9 = 60.
    expect(r.firstResponseMinutes).toEqual({ count: 10, median: 30, p90: 60 });
    // Wall-clock resolutions (h): E1 1, E2 2, E4 (110 − 30 min) 1.33, C1 8, C2 26 → median rank 3 = 2, p90 rank 5 = 26.
    expect(r.resolutionHours).toEqual({ count: 5, median: 2, p90: 26 });
    // R1: Mon 10:00 → Thu 10:00 is 3 working days, less the 1 working day on hold.
    expect(r.resolutionWorkingDays).toEqual({ count: 1, median: 2, p90: 2 });
  });

  it('milestones warned and breached, extensions, reopen rate', () => {
    expect(r.milestones).toEqual([
      { milestone: M.Respond, planned: 12, warned: 1, breached: 1 },
      { milestone: M.Arrive, planned: 0, warned: 0, breached: 0 },
      { milestone: M.Resolve, planned: 12, warned: 1, breached: 1 },
      { milestone: M.Reply, planned: 2, warned: 0, breached: 1 },
    ]);
    expect(r.extensions).toEqual({ asked: 2, approved: 1, rejected: 1, pending: 0 });
    // Resolved at least once: E1 E2 E4 C1 C2 R1; reopened: C1.
    expect(r.reopen).toEqual({ resolved: 6, reopened: 1, rate: 0.1667, rounds: 1 });
  });

  it('invalid complaints and whether each was answered within its working day', () => {
    expect(r.invalidComplaints).toEqual({
      count: 2,
      answeredOnTime: 1,
      answeredLate: 1,
      unansweredLate: 0,
      pending: 0,
      lateTicketIds: ['C4'],
    });
  });

  it('escalations by level and the handlers table', () => {
    expect(r.escalations).toEqual({ level1: 2, level2: 1, ticketIds: ['E2', 'C2'] });
    expect(r.handlers).toEqual([
      { userId: 'u1', resolved: 3, onTime: 3, onTimeShare: 1, dissatisfied: 0 },
      { userId: 'u2', resolved: 3, onTime: 1, onTimeShare: 0.3333, dissatisfied: 1 },
    ]);
  });

  it('marks figures without data as unavailable (暂无数据), never as 0%', () => {
    const bare = computeIndicators({ tickets: NOVEMBER, ...period });
    for (const key of ['satisfaction', 'callbackCoverage', 'surveyResponse'] as const) {
      expect([
        bare.headline[key].rate,
        bare.headline[key].met,
        bare.headline[key].available,
      ]).toEqual([null, null, false]);
    }
    const none = computeIndicators({ tickets: [], ...period });
    expect([none.headline.emergencyResponse.rate, none.headline.emergencyResponse.met]).toEqual([
      null,
      null,
    ]);
  });

  it('a report issued at asOf is reproduced exactly after later history is appended', () => {
    const later = NOVEMBER.map((t) =>
      t.id === 'C3' || t.id === 'E5'
        ? {
            ...t,
            events: [...t.events, { action: A.Resolve, at: cn('2026-12-01 10:00'), actorId: 'u1' }],
            pauses: [...t.pauses, { from: cn('2026-12-01 01:00'), to: null }],
          }
        : t,
    );
    expect(computeIndicators({ tickets: later, ...period })).toEqual(
      computeIndicators({ tickets: NOVEMBER, ...period }),
    );
    // Looked at later, the pending ones are decided: C3 resolved within 24 h, E5 responded 2 h 25 min after a 00:25 deadline.
    const december = computeIndicators({ tickets: later, ...period, asOf: cn('2026-12-02 00:00') });
    expect(december.headline.complaintResolve.numerator).toBe(2);
    expect(december.headline.emergencyResponse.missedTicketIds).toEqual(['E2', 'E5']);
  });
});

describe('a complaint on hold over National Day', () => {
  const sept = {
    from: cn('2026-09-01 00:00'),
    to: cn('2026-10-01 00:00'),
    asOf: cn('2026-10-20 00:00'),
    calendar,
  };
  const held = ticket({
    id: 'H1',
    kind: TicketKind.Complaint,
    created: '2026-09-30 10:00',
    pauses: [['2026-09-30 12:00', '2026-10-08 09:00']],
    events: [
      [A.Accept, '2026-09-30 10:10'],
      [A.Hold, '2026-09-30 12:00'],
      [A.Resume, '2026-10-08 09:00'],
      [A.Resolve, '2026-10-08 20:00'],
    ],
    milestones: complaintLimits(),
  });
  it('is resolved on time: 2 h before the pause and 11 h after it', () => {
    const r = computeIndicators({ tickets: [held], ...sept });
    expect([
      r.headline.complaintResolve.numerator,
      r.headline.complaintResolve.denominator,
    ]).toEqual([1, 1]);
    expect(r.resolutionHours.median).toBe(13);
  });
  it('without the pause the same dates are late', () => {
    const r = computeIndicators({ tickets: [{ ...held, pauses: [] }], ...sept });
    expect(r.headline.complaintResolve.missedTicketIds).toEqual(['H1']);
  });
  it('a working-day repair over the holiday counts only working days', () => {
    const repair = ticket({
      id: 'H2',
      created: '2026-09-30 10:00',
      events: [[A.Resolve, '2026-10-09 10:00']],
      milestones: [{ milestone: M.Resolve, limit: { kind: 'workingDays', days: 7 } }],
    });
    // Sep 30 10:00–24:00 (14 h) + Oct 8 (24 h) + Oct 9 00:00–10:00 (10 h) = 48 h = 2 working days; Oct 1–7 are off.
    expect(computeIndicators({ tickets: [repair], ...sept }).resolutionWorkingDays.median).toBe(2);
  });
});

describe('responsibleDepartment', () => {
  const orders = [
    { department: 'environment', issuedAt: cn('2026-11-02 10:00') },
    { department: 'security', issuedAt: cn('2026-11-05 10:00') },
  ];
  it.each([
    ['no work order: the category’s department', [], cn('2026-11-10 00:00'), 'engineering'],
    ['reassigned twice: the last work order', orders, cn('2026-11-10 00:00'), 'security'],
    ['as of a moment between the two', orders, cn('2026-11-03 00:00'), 'environment'],
  ])('%s', (_name, workOrders, asOf, expected) => {
    expect(responsibleDepartment('engineering', workOrders, asOf)).toBe(expected);
  });
});

describe('stats', () => {
  it.each([
    [[], 50, null],
    [[5], 50, 5],
    [[1, 2], 50, 1],
    [[1, 2, 3, 4], 90, 4],
    [[10, 1, 5], 50, 5],
  ])('percentile(%j, %i) = %p', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
  it('pausedWallMs counts overlapping pauses once', () => {
    const pauses = [
      { from: cn('2026-11-01 10:00'), to: cn('2026-11-01 11:00') },
      { from: cn('2026-11-01 10:30'), to: cn('2026-11-01 11:30') },
    ];
    expect(
      pausedWallMs(pauses, cn('2026-11-01 00:00').getTime(), cn('2026-11-02 00:00').getTime()),
    ).toBe(90 * 60_000);
  });
});
