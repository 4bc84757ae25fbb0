import {
  CallbackCoverageDto,
  CallbackTaskDto,
  FeedbackRoutes,
  MyCallbacksDto,
  RateTicketRequest,
  RatingAddendumRequest,
  RecordCallbackRequest,
  TicketFeedbackDto,
} from '@linli/contracts';
import { request } from './http';

/** Ratings and callbacks (评价与回访), typed by @linli/contracts; kept apart from api.ts. */
export const feedbackApi = {
  ticketFeedback: (ticketId: string) =>
    request<TicketFeedbackDto>('GET', FeedbackRoutes.ticketFeedback(ticketId)),
  rate: (ticketId: string, body: RateTicketRequest) =>
    request<TicketFeedbackDto>('POST', FeedbackRoutes.ticketRating(ticketId), body),
  addToRating: (ticketId: string, body: RatingAddendumRequest) =>
    request<TicketFeedbackDto>('POST', FeedbackRoutes.ticketRatingAddenda(ticketId), body),
  myCallbacks: () => request<MyCallbacksDto>('GET', FeedbackRoutes.myCallbacks),
  callback: (id: string) => request<CallbackTaskDto>('GET', FeedbackRoutes.callback(id)),
  recordCallback: (id: string, body: RecordCallbackRequest) =>
    request<CallbackTaskDto>('POST', FeedbackRoutes.callbackAttempts(id), body),
  runSample: (month?: string) =>
    request<CallbackCoverageDto>('POST', FeedbackRoutes.callbackSamples, { month }),
  coverage: (month?: string) =>
    request<CallbackCoverageDto>(
      'GET',
      month ? `${FeedbackRoutes.callbackCoverage}?month=${month}` : FeedbackRoutes.callbackCoverage,
    ),
};

/** Pages of the feedback subpackage. */
export { CALLBACK_COVERAGE_PAGE, MY_CALLBACKS_PAGE } from './routes';
