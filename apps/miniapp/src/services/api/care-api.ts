import { CareEndpoints as E, RecipientStatus } from '@linli/contracts';
import { call, createClient, page } from '../request/client';

/** Festival care's requests, generated from the endpoint map (`CareEndpoints`). */
export const careApi = {
  ...createClient(E),
  calendar: (communityId: string, year?: number) => call(E.calendar, { communityId, year }),
  campaigns: (communityId: string, cursor: string | null = null) =>
    call(E.campaigns, { communityId, ...page(cursor) }),
  recipients: (id: string, status?: RecipientStatus) => call(E.recipients, id, { status }),
  myGreetings: (cursor: string | null = null) => call(E.myGreetings, page(cursor)),
  gifts: (cursor: string | null = null) => call(E.gifts, page(cursor)),
};
