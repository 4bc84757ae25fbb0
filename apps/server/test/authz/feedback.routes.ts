// Ratings and callbacks: the second company's owner's complaints (one resolved and awaiting the owner's
// rating, one rated 满意 and closed) and the callback that closing made (its supervisor's).
import { CallbackChannel, CallbackOutcome, Satisfaction } from '@linli/contracts';
import type { Row } from './walk';

const rated = (w: { ratedComplaintId: string }) => ({ id: w.ratedComplaintId });
const callback = (w: { callbackId: string }) => ({ id: w.callbackId });

export const rows: Row[] = [
  {
    route: 'POST /api/tickets/:id/rating',
    kind: 'foreign',
    params: (w) => ({ id: w.resolvedComplaintId }),
    body: (w) => ({
      version: w.resolvedComplaintVersion,
      overall: Satisfaction.Satisfied,
      speed: 5,
      attitude: 5,
      quality: 5,
      comment: '走查好评',
    }),
  },
  {
    route: 'POST /api/tickets/:id/rating/addenda',
    kind: 'foreign',
    params: rated,
    body: () => ({ text: '走查追评' }),
  },
  { route: 'GET /api/tickets/:id/feedback', kind: 'foreign', params: rated },
  {
    route: 'GET /api/tickets/:id/feedback',
    kind: 'foreign',
    params: (w) => ({ id: w.resolvedComplaintId }),
  },
  { route: 'GET /api/callbacks/mine', kind: 'own' },
  { route: 'GET /api/callbacks/:id', kind: 'foreign', params: callback },
  {
    route: 'POST /api/callbacks/:id/attempts',
    kind: 'foreign',
    params: callback,
    body: () => ({
      outcome: CallbackOutcome.Satisfied,
      channel: CallbackChannel.Phone,
      residentWords: '走查：满意',
    }),
  },
  {
    route: 'POST /api/callbacks/:id/attempts',
    kind: 'foreign',
    params: callback,
    body: () => ({ outcome: CallbackOutcome.Unreachable, channel: CallbackChannel.Phone }),
  },
  // The month's sample and 回访抽查 are the caller's own community's (no community in the request).
  { route: 'POST /api/callback-samples', kind: 'own', body: () => ({}) },
  { route: 'GET /api/callback-coverage', kind: 'own' },
];
