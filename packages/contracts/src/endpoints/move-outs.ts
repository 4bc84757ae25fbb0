import type {
  CreateMoveOutRequest,
  DeregisterMembersRequest,
  MoveOutDecisionRequest,
  MoveOutDto,
  OwnerDecisionRequest,
  VerifyReleaseSlipRequest,
  VerifyReleaseSlipResultDto,
  WrittenAuthorisationRequest,
} from '..';
import { get, post } from './endpoint';

/** move-outs: the routes its controllers declare. */
export const moveOutsEndpoints = {
  applyMoveOut: post('/api/move-outs')<CreateMoveOutRequest, MoveOutDto>(),
  myMoveOuts: get('/api/move-outs/mine')<void, MoveOutDto[]>(),
  officeMoveOuts: get('/api/move-outs/office')<{ householdId?: string }, MoveOutDto[]>(),
  moveOut: get('/api/move-outs/:id')<void, MoveOutDto>(),
  moveOutOwnerDecision: post('/api/move-outs/:id/owner-decision')<
    OwnerDecisionRequest,
    MoveOutDto
  >(),
  cancelMoveOut: post('/api/move-outs/:id/cancel')<void, MoveOutDto>(),
  recordWrittenAuthorisation: post('/api/move-outs/:id/written-authorisation')<
    WrittenAuthorisationRequest,
    MoveOutDto
  >(),
  markFeesSettled: post('/api/move-outs/:id/fees-settled')<void, MoveOutDto>(),
  decideMoveOut: post('/api/move-outs/:id/decision')<MoveOutDecisionRequest, MoveOutDto>(),
  deregisterMembers: post('/api/move-outs/:id/deregister')<DeregisterMembersRequest, MoveOutDto>(),
  verifySlip: post('/api/release-slips/verify')<
    VerifyReleaseSlipRequest,
    VerifyReleaseSlipResultDto
  >(),
};
