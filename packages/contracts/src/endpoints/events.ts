import type { CheckInRequest, CommunityEventDto, CreateEventRequest, SignupDto } from '..';
import { get, post } from './endpoint';

/** events: the routes its controllers declare (events). */
export const eventsEndpoints = {
  list: get('/api/events')<void, CommunityEventDto[]>(),
  create: post('/api/events')<CreateEventRequest, CommunityEventDto>(),
  signUp: post('/api/events/:id/signups')<void, CommunityEventDto>(),
  cancel: post('/api/events/:id/signups/mine/cancel')<void, CommunityEventDto>(),
  signups: get('/api/events/:id/signups')<void, SignupDto[]>(),
  checkIn: post('/api/events/:id/check-in')<CheckInRequest, SignupDto>(),
};
