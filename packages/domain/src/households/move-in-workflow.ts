import { MoveInStatus } from '@linli/contracts';
import {
  KEEPS_STATE,
  WorkflowFacts,
  WorkflowTable,
  allowedSteps,
} from '../workflow/workflow-table';

/** What can be done to a move-in registration (入住登记). */
export type MoveInStep =
  | 'ownerAgree'
  | 'ownerRefuse'
  | 'recordWrittenConsent'
  | 'checkPapers'
  | 'approve'
  | 'reject'
  | 'cancel';

/** Who the actor is to the registration: its household's owner, the resident who registered, staff of its building. */
export type MoveInRelation = 'owner' | 'registrant' | 'staff';

export type MoveInFact =
  /** Someone registered needs the owner's agreement and it is not given yet, neither in the mini-program nor in writing. */
  | 'ownerConsentWanted'
  /** The office has not yet recorded a written consent. */
  | 'noWrittenConsent';

const S = MoveInStatus;

/** The move-in workflow: pending until the office approves with complete papers, rejects, or it is withdrawn. */
export const MOVE_IN_WORKFLOW: WorkflowTable<MoveInStatus, MoveInStep, MoveInRelation, MoveInFact> =
  [
    {
      action: 'ownerAgree',
      from: [S.Pending],
      to: KEEPS_STATE,
      anyOf: ['owner'],
      requires: ['ownerConsentWanted'],
    },
    // An owner's refusal ends the registration.
    {
      action: 'ownerRefuse',
      from: [S.Pending],
      to: S.Rejected,
      anyOf: ['owner'],
      requires: ['ownerConsentWanted'],
    },
    {
      action: 'recordWrittenConsent',
      from: [S.Pending],
      to: KEEPS_STATE,
      anyOf: ['staff'],
      requires: ['noWrittenConsent'],
    },
    { action: 'checkPapers', from: [S.Pending], to: KEEPS_STATE, anyOf: ['staff'] },
    // Approval also needs every person's papers (missingForMoveIn), refused with what is missing.
    { action: 'approve', from: [S.Pending], to: S.Approved, anyOf: ['staff'] },
    { action: 'reject', from: [S.Pending], to: S.Rejected, anyOf: ['staff'] },
    { action: 'cancel', from: [S.Pending], to: S.Cancelled, anyOf: ['registrant', 'owner'] },
  ];

/** The buttons the mini-program shows (the `can` flags of MoveInDto). */
export function moveInActions(
  status: MoveInStatus,
  facts: WorkflowFacts<MoveInRelation, MoveInFact>,
) {
  const steps = allowedSteps(MOVE_IN_WORKFLOW, status, facts);
  return {
    ownerConsent: steps.includes('ownerAgree'),
    recordWrittenConsent: steps.includes('recordWrittenConsent'),
    checkPapers: steps.includes('checkPapers'),
    decide: steps.includes('approve'),
    cancel: steps.includes('cancel'),
  };
}
