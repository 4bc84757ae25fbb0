import { MoveInStatus } from '@linli/contracts';
import { decideStep, fromOf } from '../workflow/workflow-table';
import { MOVE_IN_WORKFLOW, MoveInRelation, MoveInStep, moveInActions } from './move-in-workflow';

const S = MoveInStatus;
const ALL_STEPS: MoveInStep[] = [
  'ownerAgree',
  'ownerRefuse',
  'recordWrittenConsent',
  'checkPapers',
  'approve',
  'reject',
  'cancel',
];
const ALL_RELATIONS: MoveInRelation[] = ['owner', 'registrant', 'staff'];
const ALL_FACTS = { ownerConsentWanted: true, noWrittenConsent: true } as const;

/** Written out by hand, independently of MOVE_IN_WORKFLOW: status → step → [target, who may]. */
const EXPECTED: Record<
  MoveInStatus,
  Partial<Record<MoveInStep, [MoveInStatus, MoveInRelation[]]>>
> = {
  [S.Pending]: {
    ownerAgree: [S.Pending, ['owner']],
    ownerRefuse: [S.Rejected, ['owner']],
    recordWrittenConsent: [S.Pending, ['staff']],
    checkPapers: [S.Pending, ['staff']],
    approve: [S.Approved, ['staff']],
    reject: [S.Rejected, ['staff']],
    cancel: [S.Cancelled, ['registrant', 'owner']],
  },
  [S.Approved]: {},
  [S.Rejected]: {},
  [S.Cancelled]: {},
};

describe('the move-in workflow table', () => {
  const cases = Object.values(S).flatMap((status) =>
    ALL_STEPS.flatMap((step) => ALL_RELATIONS.map((relation) => [status, step, relation] as const)),
  );

  it.each(cases)('%s · %s · by %s', (status, step, relation) => {
    const expected = EXPECTED[status][step];
    const decision = decideStep(MOVE_IN_WORKFLOW, status, step, { [relation]: true, ...ALL_FACTS });
    if (expected && expected[1].includes(relation))
      expect(decision).toEqual({ allowed: true, to: expected[0] });
    else expect(decision.allowed).toBe(false);
  });

  it('asks the owner only while someone still needs their agreement, and records a written consent once', () => {
    expect(
      decideStep(MOVE_IN_WORKFLOW, S.Pending, 'ownerAgree', {
        owner: true,
        ownerConsentWanted: false,
      }),
    ).toEqual({ allowed: false, reason: 'condition' });
    expect(
      decideStep(MOVE_IN_WORKFLOW, S.Pending, 'recordWrittenConsent', {
        staff: true,
        noWrittenConsent: false,
      }),
    ).toEqual({ allowed: false, reason: 'condition' });
  });

  it('moves every step only from pending', () => {
    for (const step of ALL_STEPS) expect(fromOf(MOVE_IN_WORKFLOW, step)).toEqual([S.Pending]);
  });

  it('gives the mini-program its buttons from the same rows', () => {
    expect(moveInActions(S.Pending, { owner: true, ownerConsentWanted: true })).toEqual({
      ownerConsent: true,
      recordWrittenConsent: false,
      checkPapers: false,
      decide: false,
      cancel: true,
    });
    expect(moveInActions(S.Pending, { staff: true, noWrittenConsent: false })).toEqual({
      ownerConsent: false,
      recordWrittenConsent: false,
      checkPapers: true,
      decide: true,
      cancel: false,
    });
    expect(
      moveInActions(S.Approved, { staff: true, owner: true, registrant: true, ...ALL_FACTS }),
    ).toEqual({
      ownerConsent: false,
      recordWrittenConsent: false,
      checkPapers: false,
      decide: false,
      cancel: false,
    });
  });
});
