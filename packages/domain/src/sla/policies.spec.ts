import { SlaMilestone } from '@linli/contracts';
import { WorkingCalendar } from '../calendar/working-calendar';
import { formatChinaDateTime } from '../time/china-time';
import { formatLimit } from './durations';
import {
  cappedAppointmentDeadline,
  overrideProblems,
  resolvePolicy,
  SLA_POLICIES,
} from './policies';

const cn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const calendar = new WorkingCalendar();
const { Respond, Arrive, Resolve, Reply } = SlaMilestone;

describe('seeded policies: one per row of docs/domain-rules.md §6', () => {
  it.each([
    ['emergency_home', Respond, '30分钟'],
    ['emergency_home', Arrive, '10分钟'],
    ['common_hazard', Arrive, '10分钟'],
    ['neighbour_disturbance', Arrive, '15分钟'],
    ['ordinary_request', Respond, '2小时'],
    ['simple_repair', Resolve, '4小时'],
    ['home_repair', Resolve, '7个工作日'],
    ['common_repair', Resolve, '3个工作日'],
    ['complaint_attitude', Resolve, '4小时'],
    ['complaint_attitude_serious', Resolve, '48小时'],
    ['complaint_general', Resolve, '24小时'],
    ['complaint_complex', Resolve, '72小时'],
    ['complaint_other', Arrive, '8小时'],
    ['reply_urgent', Reply, '2小时'],
    ['reply_not_urgent', Reply, '2个工作日'],
    ['inquiry_community', Reply, '30分钟'],
    ['inquiry_fees', Arrive, '30分钟'],
    ['inquiry_outside', Reply, '30分钟'],
    ['inquiry_procedures', Reply, '2个工作日'],
    ['invalid_complaint_explanation', Reply, '1个工作日'],
  ])('%s %s: %s', (code, milestone, label) => {
    const limit = resolvePolicy(code)?.milestones[milestone];
    expect(limit && formatLimit(limit)).toBe(label);
  });

  it('has unique codes, Chinese names and usable limits', () => {
    expect(new Set(SLA_POLICIES.map((p) => p.code)).size).toBe(SLA_POLICIES.length);
    expect(SLA_POLICIES.every((p) => /\p{Script=Han}/u.test(p.name))).toBe(true);
    expect(
      overrideProblems(SLA_POLICIES.map((p) => ({ code: p.code, milestones: p.milestones }))),
    ).toEqual([]);
  });
});

describe('company overrides', () => {
  it('replace a limit, remove a milestone, add one, and leave other policies alone', () => {
    const overrides = [
      {
        code: 'emergency_home',
        milestones: { [Respond]: { kind: 'wall' as const, minutes: 15 }, [Arrive]: null },
      },
      { code: 'common_repair', milestones: { [Respond]: { kind: 'wall' as const, minutes: 60 } } },
    ];
    expect(resolvePolicy('emergency_home', overrides)?.milestones).toEqual({
      [Respond]: { kind: 'wall', minutes: 15 },
    });
    expect(resolvePolicy('common_repair', overrides)?.milestones).toEqual({
      [Resolve]: { kind: 'workingDays', days: 3 },
      [Respond]: { kind: 'wall', minutes: 60 },
    });
    expect(resolvePolicy('common_hazard', overrides)?.milestones).toEqual({
      [Arrive]: { kind: 'wall', minutes: 10 },
    });
    // the seed itself is untouched
    expect(resolvePolicy('emergency_home')?.milestones[Arrive]).toEqual({
      kind: 'wall',
      minutes: 10,
    });
  });

  it('returns undefined for an unknown code', () => {
    expect(resolvePolicy('no_such_policy')).toBeUndefined();
  });

  it('reports unusable overrides', () => {
    expect(
      overrideProblems([
        { code: 'nope', milestones: {} },
        { code: 'common_repair', milestones: { [Resolve]: { kind: 'workingDays', days: 0 } } },
      ]),
    ).toEqual([
      'nope: unknown policy',
      'common_repair.resolve: working days must be a whole number ≥ 1: 0',
    ]);
  });
});

describe('agreed time capped at 7 working days', () => {
  // Thu 2026-02-12 16:00 + 7 working days (Spring Festival in between) ends 2026-03-01 00:00.
  it.each([
    ['agreed before the cap', '2026-02-26 10:00', '2026-02-26 10:00'],
    ['agreed after the cap', '2026-03-05 10:00', '2026-03-01 00:00'],
    ['nothing agreed', null, '2026-03-01 00:00'],
  ])('%s', (_case, agreed, expected) => {
    const deadline = cappedAppointmentDeadline(
      agreed === null ? null : cn(agreed),
      cn('2026-02-12 16:00'),
      calendar,
    );
    expect(formatChinaDateTime(deadline)).toBe(expected);
  });
});
