import type { SlaPolicyDto, UpdateSlaPolicyRequest } from '..';
import { del, get, put } from './endpoint';

/** sla-policies: the routes its controllers declare. */
export const slaPoliciesEndpoints = {
  slaPolicies: get('/api/admin/sla-policies')<void, SlaPolicyDto[]>(),
  setSlaPolicy: put('/api/admin/sla-policies/:code')<UpdateSlaPolicyRequest, SlaPolicyDto>(),
  resetSlaPolicy: del('/api/admin/sla-policies/:code')(),
};
