import type { HealthDto, LivenessDto, ReadinessDto } from '..';
import { get } from './endpoint';

/** health: the routes its controllers declare (system). */
export const healthEndpoints = {
  health: get('/api/health')<void, HealthDto>(),
  healthLive: get('/api/health/live')<void, LivenessDto>(),
  healthReady: get('/api/health/ready')<void, ReadinessDto>(),
};
