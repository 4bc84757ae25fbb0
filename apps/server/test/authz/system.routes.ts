// Signing in, who am I, health, meta, uploads and the demo clock.
import type { Row } from './walk';
import { tinyPng } from '../support/builders';

export const rows: Row[] = [
  {
    route: 'POST /api/auth/wechat-login',
    kind: 'public',
    body: () => ({ code: 'walk-not-a-code' }),
  },
  { route: 'POST /api/auth/demo-login', kind: 'public', body: () => ({ persona: 'nobody' }) },
  { route: 'GET /api/me', kind: 'own' },
  { route: 'GET /api/health', kind: 'public' },
  { route: 'GET /api/health/live', kind: 'public' },
  { route: 'GET /api/health/ready', kind: 'public' },
  { route: 'GET /api/meta', kind: 'public' },
  { route: 'GET /api/test-clock', kind: 'public' },
  // Public in demo/test mode by design (absent in production); an empty body changes nothing.
  { route: 'PUT /api/test-clock', kind: 'public', body: () => ({}) },
  { route: 'POST /api/uploads', kind: 'own', upload: tinyPng },
  // The signature is the credential: a foreign photo's id without one is refused, to anyone.
  { route: 'GET /api/uploads/:id', kind: 'foreign', params: (w) => ({ id: w.uploadId }) },
];
