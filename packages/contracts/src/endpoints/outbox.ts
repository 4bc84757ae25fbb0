import type {
  OutboxItemDto,
  OutboxPageDto,
  OutboxStatusName,
  PageQuery,
  SubscribeTemplatesDto,
  SubscriptionCreditsDto,
  SubscriptionResultsRequest,
} from '..';
import { get, post } from './endpoint';

/** outbox: the routes its controllers declare. */
export const outboxEndpoints = {
  adminOutbox: get('/api/admin/outbox')<PageQuery & { status: OutboxStatusName }, OutboxPageDto>(),
  adminOutboxRetry: post('/api/admin/outbox/:id/retry')<void, OutboxItemDto>(),
  subscribeTemplates: get('/api/wechat/subscribe-templates')<void, SubscribeTemplatesDto>(),
  reportSubscriptions: post('/api/wechat/subscriptions')<
    SubscriptionResultsRequest,
    SubscriptionCreditsDto
  >(),
};
