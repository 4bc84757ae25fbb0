import { chaseRefusal, DEFAULT_CHASE_POLICY, nextChaseAt } from './chase-rules';

const now = new Date('2026-12-04T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('chase rules (催办)', () => {
  it.each([
    // [limit state, escalation level, last chased, refusal]
    ['ok', 0, null, 'not_due'],
    [null, 0, null, 'not_due'],
    ['paused', 0, null, 'not_due'],
    ['warning', 0, null, null],
    ['breached', 0, null, null],
    // Escalated for a breach: the limit shown may have moved on (the next milestone), the ticket is still late.
    ['ok', 1, null, null],
    ['breached', 0, minutesAgo(59), 'too_soon'],
    ['breached', 0, minutesAgo(60), null],
    ['warning', 2, minutesAgo(10), 'too_soon'],
    ['ok', 0, minutesAgo(600), 'not_due'],
  ] as const)(
    'limit %s, escalation %s, last chased %s → %s',
    (slaState, escalationLevel, lastChasedAt, refusal) => {
      expect(chaseRefusal({ slaState, escalationLevel, lastChasedAt }, now)).toBe(refusal);
    },
  );

  it('the gap is data: a company may set another', () => {
    expect(
      chaseRefusal(
        { slaState: 'breached', escalationLevel: 0, lastChasedAt: minutesAgo(20) },
        now,
        { minGapMinutes: 15 },
      ),
    ).toBeNull();
    expect(nextChaseAt(minutesAgo(20))).toEqual(
      new Date(now.getTime() + (DEFAULT_CHASE_POLICY.minGapMinutes - 20) * 60_000),
    );
  });
});
