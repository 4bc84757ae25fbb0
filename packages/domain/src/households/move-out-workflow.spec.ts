import { MoveOutStatus } from '@linli/contracts';
import { decideStep, fromOf } from '../workflow/workflow-table';
import {
  MOVE_OUT_WORKFLOW,
  MoveOutFact,
  MoveOutRelation,
  MoveOutStep,
  moveOutActions,
} from './move-out-workflow';

const S = MoveOutStatus;
const ALL_STEPS: MoveOutStep[] = [
  'ownerAuthorise',
  'ownerRefuse',
  'recordWrittenAuthorisation',
  'markFeesSettled',
  'approve',
  'reject',
  'cancel',
  'useSlip',
  'deregister',
];
const ALL_RELATIONS: MoveOutRelation[] = ['owner', 'applicant', 'staff', 'guard'];
const ALL_FACTS = {
  feesUnsettled: true,
  feesClearForApproval: true,
  notDeregistered: true,
} as const;

/**
 * The expected table, written out by hand (independently of MOVE_OUT_WORKFLOW):
 * status → step → [target, the relations that may take it].
 */
const EXPECTED: Record<
  MoveOutStatus,
  Partial<Record<MoveOutStep, [MoveOutStatus, MoveOutRelation[]]>>
> = {
  [S.AwaitingOwner]: {
    ownerAuthorise: [S.Pending, ['owner']],
    ownerRefuse: [S.Rejected, ['owner']],
    recordWrittenAuthorisation: [S.Pending, ['staff']],
    markFeesSettled: [S.AwaitingOwner, ['staff']],
    cancel: [S.Cancelled, ['applicant', 'owner']],
  },
  [S.Pending]: {
    markFeesSettled: [S.Pending, ['staff']],
    approve: [S.Approved, ['staff']],
    reject: [S.Rejected, ['staff']],
    cancel: [S.Cancelled, ['applicant', 'owner']],
  },
  [S.Approved]: {
    cancel: [S.Cancelled, ['applicant', 'owner']],
    useSlip: [S.Used, ['guard']],
  },
  [S.Used]: { deregister: [S.Used, ['staff']] },
  [S.Rejected]: {},
  [S.Cancelled]: {},
};

describe('the move-out workflow table', () => {
  const cases = Object.values(S).flatMap((status) =>
    ALL_STEPS.flatMap((step) => ALL_RELATIONS.map((relation) => [status, step, relation] as const)),
  );

  it.each(cases)('%s · %s · by %s', (status, step, relation) => {
    const expected = EXPECTED[status][step];
    const decision = decideStep(MOVE_OUT_WORKFLOW, status, step, {
      [relation]: true,
      ...ALL_FACTS,
    });
    if (expected && expected[1].includes(relation))
      expect(decision).toEqual({ allowed: true, to: expected[0] });
    else expect(decision.allowed).toBe(false);
  });

  it('asks who the actor is before the state: a stranger is told it is not theirs, whatever the state', () => {
    expect(decideStep(MOVE_OUT_WORKFLOW, S.Cancelled, 'cancel', { staff: true })).toEqual({
      allowed: false,
      reason: 'actor',
    });
    expect(decideStep(MOVE_OUT_WORKFLOW, S.Cancelled, 'cancel', { applicant: true })).toEqual({
      allowed: false,
      reason: 'state',
    });
  });

  it.each<[MoveOutStep, MoveOutStatus, MoveOutFact]>([
    ['markFeesSettled', S.Pending, 'feesUnsettled'],
    ['approve', S.Pending, 'feesClearForApproval'],
    ['deregister', S.Used, 'notDeregistered'],
  ])('%s needs %s', (step, status, fact) => {
    const facts = { staff: true, ...ALL_FACTS, [fact]: false };
    expect(decideStep(MOVE_OUT_WORKFLOW, status, step, facts)).toEqual({
      allowed: false,
      reason: 'condition',
    });
  });

  it('updates each step only from the states it starts in', () => {
    expect(fromOf(MOVE_OUT_WORKFLOW, 'cancel')).toEqual([S.AwaitingOwner, S.Pending, S.Approved]);
    expect(fromOf(MOVE_OUT_WORKFLOW, 'markFeesSettled')).toEqual([S.AwaitingOwner, S.Pending]);
    expect(fromOf(MOVE_OUT_WORKFLOW, 'useSlip')).toEqual([S.Approved]);
  });

  it('gives the mini-program its buttons from the same rows', () => {
    expect(
      moveOutActions(S.AwaitingOwner, { owner: true, applicant: false, feesUnsettled: true }),
    ).toEqual({
      ownerDecide: true,
      recordWrittenAuthorisation: false,
      markFeesSettled: false,
      decide: false,
      cancel: true,
      deregister: false,
    });
    // Staff may decide a whole move-out before the fees are settled: rejecting needs no settled fees.
    expect(
      moveOutActions(S.Pending, { staff: true, feesUnsettled: true, feesClearForApproval: false }),
    ).toEqual({
      ownerDecide: false,
      recordWrittenAuthorisation: false,
      markFeesSettled: true,
      decide: true,
      cancel: false,
      deregister: false,
    });
    expect(moveOutActions(S.Used, { staff: true, notDeregistered: false }).deregister).toBe(false);
    expect(moveOutActions(S.Approved, { applicant: true }).cancel).toBe(true);
  });
});
