import { MoveOutStatus } from '@linli/contracts';
import {
  KEEPS_STATE,
  WorkflowFacts,
  WorkflowTable,
  allowedSteps,
} from '../workflow/workflow-table';

/** What can be done to a move-out application (搬出申请), from the owner's consent to the gate. */
export type MoveOutStep =
  | 'ownerAuthorise'
  | 'ownerRefuse'
  | 'recordWrittenAuthorisation'
  | 'markFeesSettled'
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'useSlip'
  | 'deregister';

/** Who the actor is to the application: its household's owner, its applicant, staff of its building, a guard of its community. */
export type MoveOutRelation = 'owner' | 'applicant' | 'staff' | 'guard';

/** What must hold of the application for some steps. */
export type MoveOutFact =
  /** Fees are not yet recorded as settled. */
  | 'feesUnsettled'
  /** A partial move-out, or a whole one whose fees are settled: a slip may be issued. */
  | 'feesClearForApproval'
  /** The members who left have not yet been deregistered. */
  | 'notDeregistered';

const S = MoveOutStatus;

/** The move-out workflow (domain rules: moving out needs the owner's consent, settled fees for a whole move, a slip used once). */
export const MOVE_OUT_WORKFLOW: WorkflowTable<
  MoveOutStatus,
  MoveOutStep,
  MoveOutRelation,
  MoveOutFact
> = [
  // A tenant's or an agent's application waits for the owner: in the mini-program, or in writing at the office.
  { action: 'ownerAuthorise', from: [S.AwaitingOwner], to: S.Pending, anyOf: ['owner'] },
  { action: 'ownerRefuse', from: [S.AwaitingOwner], to: S.Rejected, anyOf: ['owner'] },
  {
    action: 'recordWrittenAuthorisation',
    from: [S.AwaitingOwner],
    to: S.Pending,
    anyOf: ['staff'],
  },
  {
    action: 'markFeesSettled',
    from: [S.AwaitingOwner, S.Pending],
    to: KEEPS_STATE,
    anyOf: ['staff'],
    requires: ['feesUnsettled'],
  },
  // The office approves (a release slip is issued) or rejects.
  {
    action: 'approve',
    from: [S.Pending],
    to: S.Approved,
    anyOf: ['staff'],
    requires: ['feesClearForApproval'],
  },
  { action: 'reject', from: [S.Pending], to: S.Rejected, anyOf: ['staff'] },
  // The applicant or the owner withdraws any application whose slip has not been used.
  {
    action: 'cancel',
    from: [S.AwaitingOwner, S.Pending, S.Approved],
    to: S.Cancelled,
    anyOf: ['applicant', 'owner'],
  },
  // The guard lets the goods out once; afterwards the office deregisters who left for good.
  { action: 'useSlip', from: [S.Approved], to: S.Used, anyOf: ['guard'] },
  {
    action: 'deregister',
    from: [S.Used],
    to: KEEPS_STATE,
    anyOf: ['staff'],
    requires: ['notDeregistered'],
  },
];

/** The buttons the mini-program shows for an application (the `can` flags of MoveOutDto). */
export function moveOutActions(
  status: MoveOutStatus,
  facts: WorkflowFacts<MoveOutRelation, MoveOutFact>,
) {
  const steps = allowedSteps(MOVE_OUT_WORKFLOW, status, facts);
  return {
    ownerDecide: steps.includes('ownerAuthorise'),
    recordWrittenAuthorisation: steps.includes('recordWrittenAuthorisation'),
    markFeesSettled: steps.includes('markFeesSettled'),
    // Deciding includes rejecting, which needs no settled fees; approving is refused with the reason.
    decide: steps.includes('reject'),
    cancel: steps.includes('cancel'),
    deregister: steps.includes('deregister'),
  };
}
