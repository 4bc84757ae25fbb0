import type { Page, PageQuery, RetentionRunDto } from '..';
import { get } from './endpoint';

/** retention: the routes its controllers declare. */
export const retentionEndpoints = {
  retentionRuns: get('/api/admin/retention-runs')<PageQuery, Page<RetentionRunDto>>(),
};
