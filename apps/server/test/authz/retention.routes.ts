// Retention (§12): the runs of the retention job, for admins (counts only).
import type { Row } from './walk';

export const rows: Row[] = [{ route: 'GET /api/admin/retention-runs', kind: 'own' }];
