import type { AssistantOptionDto, CreateDutyShiftRequest, DutyShiftDto } from '..';
import { del, get, post } from './endpoint';

/** duty: the routes its controllers declare. */
export const dutyEndpoints = {
  dutyShifts: get('/api/duty-shifts')<void, DutyShiftDto[]>(),
  communityAssistants: get('/api/duty-shifts/assistants')<void, AssistantOptionDto[]>(),
  createDutyShift: post('/api/duty-shifts')<CreateDutyShiftRequest, DutyShiftDto>(),
  removeDutyShift: del('/api/duty-shifts/:id')(),
};
