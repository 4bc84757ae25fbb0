import { MemberRole } from '@linli/contracts';
import { joinApprovers, nextReviewDate } from './membership-rules';

describe('join approvals', () => {
  it.each([
    [MemberRole.Owner, ['office']],
    [MemberRole.Family, ['owner']],
    [MemberRole.Tenant, ['owner', 'office']],
    [MemberRole.Relative, ['owner', 'office']],
  ])('%s needs %j', (role, approvers) => {
    expect(joinApprovers(role)).toEqual(approvers);
  });
});

describe('quarterly review', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-12-31', '2027-03-31'],
  ])('%s → %s', (last, next) => {
    expect(nextReviewDate(last)).toBe(next);
  });

  it('refuses a malformed date', () => {
    expect(() => nextReviewDate('2026/01/15')).toThrow(RangeError);
  });
});
