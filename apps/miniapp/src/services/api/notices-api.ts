import { NoticesEndpoints as E } from '@linli/contracts';
import { call, createClient, page } from '../request/client';

/** Notices' requests, generated from the endpoint map (`NoticesEndpoints`). */
export const noticesApi = {
  ...createClient(E),
  list: (cursor: string | null = null) => call(E.list, page(cursor)),
  mine: (cursor: string | null = null) => call(E.mine, page(cursor)),
};
