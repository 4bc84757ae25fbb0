import { FeedbackEndpoints as E } from '@linli/contracts';
import { call, createClient } from '../request/client';

/** Ratings and callbacks (评价与回访), generated from the endpoint map (`FeedbackEndpoints`). */
export const feedbackApi = {
  ...createClient(E),
  runSample: (month?: string) => call(E.runSample, { month }),
  coverage: (month?: string) => call(E.coverage, { month }),
};

/** Pages of the feedback subpackage. */
export { CALLBACK_COVERAGE_PAGE, MY_CALLBACKS_PAGE } from '../app/routes';
