import { MemberRole, MoveInConsent, MoveInPaper, RELEASE_SLIP_ALPHABET } from '@linli/contracts';
import {
  missingForMoveIn,
  moveInAwaitsOwner,
  moveInDateProblem,
  moveInPapersFor,
  newResidencePassCode,
} from './move-in-rules';

const {
  IdDocument: ID,
  PropertyDeed: DEED,
  Lease: LEASE,
  NotarisedRelation: NOTARISED,
} = MoveInPaper;
const ALL_PAPERS = Object.values(MoveInPaper);
const none = { owner: false, written: false };
const inApp = { owner: true, written: false };
const written = { owner: false, written: true };

describe('move-in registration: what is still missing (docs/domain-rules.md §4)', () => {
  it.each([
    // role, papers shown, consents, still missing
    [MemberRole.Owner, [], none, [ID, DEED]],
    [MemberRole.Owner, [ID], none, [DEED]],
    [MemberRole.Owner, [ID, DEED], none, []],
    [MemberRole.Family, [], none, [ID, MoveInConsent.OwnerConsent]],
    [MemberRole.Family, [ID], inApp, []],
    [MemberRole.Family, [ID], written, []],
    [MemberRole.Tenant, [ID], none, [LEASE, MoveInConsent.OwnerConsent]],
    [MemberRole.Tenant, [ID, LEASE], none, [MoveInConsent.OwnerConsent]],
    [MemberRole.Tenant, [ID, LEASE], inApp, []],
    [MemberRole.Tenant, [ID, LEASE], written, []],
    [MemberRole.Relative, [ID], none, [NOTARISED, MoveInConsent.WrittenConsent]],
    // The owner's agreement in the mini-program is not a written consent.
    [MemberRole.Relative, [ID, NOTARISED], inApp, [MoveInConsent.WrittenConsent]],
    [MemberRole.Relative, [ID, NOTARISED], written, []],
    // A written consent without the notarised proof is not enough either.
    [MemberRole.Relative, [ID], written, [NOTARISED]],
  ] as const)('%s showing %j with consents %j misses %j', (role, papers, consents, missing) => {
    expect(missingForMoveIn(role, papers, consents)).toEqual(missing);
  });

  it.each(Object.values(MemberRole))(
    '%s with every paper and both consents misses nothing',
    (role) => {
      expect(missingForMoveIn(role, ALL_PAPERS, { owner: true, written: true })).toEqual([]);
    },
  );

  it('waits for the owner only while a family member or tenant lacks any consent', () => {
    expect(moveInAwaitsOwner([MemberRole.Tenant], none)).toBe(true);
    expect(moveInAwaitsOwner([MemberRole.Family, MemberRole.Relative], none)).toBe(true);
    expect(moveInAwaitsOwner([MemberRole.Tenant], inApp)).toBe(false);
    expect(moveInAwaitsOwner([MemberRole.Tenant], written)).toBe(false);
    // A relative needs the written consent: the owner's tap in the mini-program would not help.
    expect(moveInAwaitsOwner([MemberRole.Relative], none)).toBe(false);
    expect(moveInAwaitsOwner([MemberRole.Owner], none)).toBe(false);
  });

  it('keeps only the papers a role shows, in checklist order', () => {
    expect(moveInPapersFor(MemberRole.Tenant, [LEASE, DEED, ID])).toEqual([ID, LEASE]);
    expect(moveInPapersFor(MemberRole.Family, [NOTARISED])).toEqual([]);
  });

  it.each([
    ['2026-11-01', null],
    ['2020-06-01', null],
    ['2027-02-21', null],
    ['2027-02-22', '入住日期最多可提前 90 天登记'],
    ['2026-02-30', '入住日期不存在'],
    ['2026/11/01', '入住日期格式应为 2026-11-01'],
  ])('move-in date %s → %s (today 2026-11-23)', (date, problem) => {
    expect(moveInDateProblem(date, '2026-11-23')).toBe(problem);
  });

  it('makes pass numbers of 8 characters without look-alikes', () => {
    let i = 0;
    const code = newResidencePassCode((n) => i++ % n);
    expect(code).toBe(RELEASE_SLIP_ALPHABET.slice(0, 8));
    expect(newResidencePassCode(() => RELEASE_SLIP_ALPHABET.length - 1)).toMatch(/^9{8}$/);
  });
});
