import {
  CheckInRequest,
  CommunityEventDto,
  CreateEventRequest,
  EventRoutes,
  SignupDto,
} from '@linli/contracts';
import { request } from './http';

/** Community events' requests (kept apart from the shared api.ts). */
export const eventsApi = {
  list: () => request<CommunityEventDto[]>('GET', EventRoutes.events),
  create: (body: CreateEventRequest) =>
    request<CommunityEventDto>('POST', EventRoutes.events, body),
  signUp: (id: string) => request<CommunityEventDto>('POST', EventRoutes.signups(id), {}),
  cancel: (id: string) => request<CommunityEventDto>('POST', EventRoutes.cancelMine(id), {}),
  signups: (id: string) => request<SignupDto[]>('GET', EventRoutes.signups(id)),
  checkIn: (id: string, body: CheckInRequest) =>
    request<SignupDto>('POST', EventRoutes.checkIn(id), body),
};
