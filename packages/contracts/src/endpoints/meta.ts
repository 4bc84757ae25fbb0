import type { AppMetaDto } from '..';
import { get } from './endpoint';

/** meta: the routes its controllers declare. */
export const metaEndpoints = {
  meta: get('/api/meta')<void, AppMetaDto>(),
};
