import { JoinApprover, JoinRequestStatus } from '@linli/contracts';
import {
  KEEPS_STATE,
  WorkflowFacts,
  WorkflowTable,
  allowedSteps,
} from '../workflow/workflow-table';

/** What can be done to a request to join a household (入住申请 in the mini-program). */
export type JoinRequestStep =
  'approveAsOffice' | 'approveAsOwner' | 'rejectAsOffice' | 'rejectAsOwner' | 'cancel';

/**
 * Who the actor is to the request: an owner of the household (not the requester), staff of the
 * building's office, the office standing in for an owner when no owner of the household uses the
 * mini-program (it then holds the owner's written consent), or the requester.
 */
export type JoinRequestRelation = 'householdOwner' | 'office' | 'officeForOwner' | 'requester';

/** Which approvals are still open (joinApprovers decides which are needed). */
export type JoinRequestFact = 'ownerStepOpen' | 'officeStepOpen';

/** The join-request workflow: each needed approval once, any approver may reject; complete when all are given. */
export const JOIN_REQUEST_WORKFLOW: WorkflowTable<
  JoinRequestStatus,
  JoinRequestStep,
  JoinRequestRelation,
  JoinRequestFact
> = [
  // Table order is the office's precedence: staff approve as the office first, for the owner after.
  {
    action: 'approveAsOffice',
    from: ['pending'],
    to: KEEPS_STATE,
    anyOf: ['office'],
    requires: ['officeStepOpen'],
  },
  {
    action: 'approveAsOwner',
    from: ['pending'],
    to: KEEPS_STATE,
    anyOf: ['householdOwner', 'officeForOwner'],
    requires: ['ownerStepOpen'],
  },
  {
    action: 'rejectAsOffice',
    from: ['pending'],
    to: 'rejected',
    anyOf: ['office'],
    requires: ['officeStepOpen'],
  },
  {
    action: 'rejectAsOwner',
    from: ['pending'],
    to: 'rejected',
    anyOf: ['householdOwner', 'officeForOwner'],
    requires: ['ownerStepOpen'],
  },
  { action: 'cancel', from: ['pending'], to: 'cancelled', anyOf: ['requester'] },
];

/**
 * What the system does on its own: the approval that gives the last needed one completes the request
 * (the server performs it as one conditional update on the row's own approvals).
 */
export const JOIN_REQUEST_COMPLETES: { from: readonly JoinRequestStatus[]; to: JoinRequestStatus } =
  { from: ['pending'], to: 'approved' };

/** The capacity in which the actor may approve or reject now, or null (the mini-program's canDecideAs). */
export function joinRequestCapacity(
  status: JoinRequestStatus,
  facts: WorkflowFacts<JoinRequestRelation, JoinRequestFact>,
): JoinApprover | null {
  const steps = allowedSteps(JOIN_REQUEST_WORKFLOW, status, facts);
  for (const step of steps) {
    if (step === 'approveAsOffice') return 'office';
    if (step === 'approveAsOwner') return 'owner';
  }
  return null;
}
