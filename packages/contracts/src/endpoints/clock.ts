import type { ClockDto, SetClockRequest } from '..';
import { get, put } from './endpoint';

/** clock: the routes its controllers declare. */
export const clockEndpoints = {
  testClock: get('/api/test-clock')<void, ClockDto>(),
  setTestClock: put('/api/test-clock')<SetClockRequest, ClockDto>(),
};
