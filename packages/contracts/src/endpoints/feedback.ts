import type {
  CallbackCoverageDto,
  CallbackTaskDto,
  MyCallbacksDto,
  RateTicketRequest,
  RatingAddendumRequest,
  RecordCallbackRequest,
  TicketFeedbackDto,
} from '..';
import { get, post } from './endpoint';

/** feedback: the routes its controllers declare (feedback). */
export const feedbackEndpoints = {
  rate: post('/api/tickets/:id/rating')<RateTicketRequest, TicketFeedbackDto>(),
  addToRating: post('/api/tickets/:id/rating/addenda')<RatingAddendumRequest, TicketFeedbackDto>(),
  ticketFeedback: get('/api/tickets/:id/feedback')<void, TicketFeedbackDto>(),
  myCallbacks: get('/api/callbacks/mine')<void, MyCallbacksDto>(),
  callback: get('/api/callbacks/:id')<void, CallbackTaskDto>(),
  recordCallback: post('/api/callbacks/:id/attempts')<RecordCallbackRequest, CallbackTaskDto>(),
  runSample: post('/api/callback-samples')<{ month?: string }, CallbackCoverageDto>(),
  coverage: get('/api/callback-coverage')<{ month?: string }, CallbackCoverageDto>(),
};
