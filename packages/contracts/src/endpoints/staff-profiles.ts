import type { StaffProfileDto, UpdateStaffProfileRequest } from '..';
import { get, put } from './endpoint';

/** staff-profiles: the routes its controllers declare. */
export const staffProfilesEndpoints = {
  myStaffProfile: get('/api/me/staff-profile')<void, StaffProfileDto>(),
  updateStaffProfile: put('/api/me/staff-profile')<UpdateStaffProfileRequest, StaffProfileDto>(),
};
