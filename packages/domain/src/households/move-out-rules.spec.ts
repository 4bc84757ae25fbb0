import { MemberRole, RELEASE_SLIP_ALPHABET } from '@linli/contracts';
import {
  DEFAULT_MOVE_OUT_POLICY,
  moveDateProblem,
  moveOutItemLines,
  moveOutNeedsOwnerAuthorisation,
  newSlipCode,
  normaliseSlipCode,
  releaseSlipTiming,
  releaseSlipWindow,
} from './move-out-rules';

describe('move-out rules (docs/domain-rules.md §4)', () => {
  it('sends only an owner’s own application straight to the office', () => {
    expect(moveOutNeedsOwnerAuthorisation(MemberRole.Owner)).toBe(false);
    for (const role of [MemberRole.Tenant, MemberRole.Family, MemberRole.Relative])
      expect(moveOutNeedsOwnerAuthorisation(role)).toBe(true);
  });

  it('wants the application in advance, by China dates', () => {
    const now = new Date('2026-11-23T17:00:00Z'); // 24 Nov 01:00 in China
    expect(moveDateProblem('2026-11-24', now, DEFAULT_MOVE_OUT_POLICY)).toMatch(
      /最早可选 2026-11-25/,
    );
    expect(moveDateProblem('2026-11-25', now, DEFAULT_MOVE_OUT_POLICY)).toBeNull();
    expect(
      moveDateProblem('2026-11-24', now, { ...DEFAULT_MOVE_OUT_POLICY, noticeDays: 0 }),
    ).toBeNull();
    expect(moveDateProblem('2027-03-01', now, DEFAULT_MOVE_OUT_POLICY)).toMatch(/60 天/);
    expect(moveDateProblem('2026-02-30', now, DEFAULT_MOVE_OUT_POLICY)).toMatch(/格式/);
  });

  it('lets a slip out from 00:00 of its date to 24:00 of the date plus the grace days (China time)', () => {
    const w = releaseSlipWindow('2026-11-25', 1);
    expect(w.from.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(w.until.toISOString()).toBe('2026-11-26T15:59:59.999Z');
    expect(releaseSlipTiming(new Date('2026-11-24T15:59:59Z'), w)).toBe('early');
    expect(releaseSlipTiming(new Date('2026-11-26T15:59:59Z'), w)).toBe('valid');
    expect(releaseSlipTiming(new Date('2026-11-26T16:00:00Z'), w)).toBe('expired');
    expect(releaseSlipWindow('2026-11-25', 0).until.toISOString()).toBe('2026-11-25T15:59:59.999Z');
  });

  it('reads a typed code forgivingly but only in the slip alphabet', () => {
    expect(normaliseSlipCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(normaliseSlipCode('ABCD0345')).toBeNull(); // 0 is not in the alphabet
    expect(normaliseSlipCode('ABC')).toBeNull();
    const code = newSlipCode((n) => n - 1);
    expect(code).toHaveLength(8);
    expect([...code].every((c) => RELEASE_SLIP_ALPHABET.includes(c))).toBe(true);
    expect(RELEASE_SLIP_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('keeps the item lines that say something', () => {
    expect(moveOutItemLines(['冰箱 1 台\n 洗衣机 1 台 ', '', '  '])).toEqual([
      '冰箱 1 台',
      '洗衣机 1 台',
    ]);
  });
});
