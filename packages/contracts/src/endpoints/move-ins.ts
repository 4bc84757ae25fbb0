import type {
  CreateMoveInRequest,
  MoveInDecisionRequest,
  MoveInDto,
  MoveInOwnerConsentRequest,
  MoveInPapersRequest,
  MoveInWrittenConsentRequest,
} from '..';
import { get, post } from './endpoint';

/** move-ins: the routes its controllers declare. */
export const moveInsEndpoints = {
  registerMoveIn: post('/api/move-ins')<CreateMoveInRequest, MoveInDto>(),
  myMoveIns: get('/api/move-ins/mine')<void, MoveInDto[]>(),
  officeMoveIns: get('/api/move-ins/office')<{ householdId?: string }, MoveInDto[]>(),
  moveIn: get('/api/move-ins/:id')<void, MoveInDto>(),
  moveInOwnerConsent: post('/api/move-ins/:id/owner-consent')<
    MoveInOwnerConsentRequest,
    MoveInDto
  >(),
  moveInWrittenConsent: post('/api/move-ins/:id/written-consent')<
    MoveInWrittenConsentRequest,
    MoveInDto
  >(),
  checkMoveInPapers: post('/api/move-ins/:id/papers')<MoveInPapersRequest, MoveInDto>(),
  decideMoveIn: post('/api/move-ins/:id/decision')<MoveInDecisionRequest, MoveInDto>(),
  cancelMoveIn: post('/api/move-ins/:id/cancel')<void, MoveInDto>(),
};
