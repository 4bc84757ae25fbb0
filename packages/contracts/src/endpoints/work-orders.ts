import type {
  CompleteWorkOrderRequest,
  IssueWorkOrderRequest,
  Page,
  PageQuery,
  WorkOrderDto,
} from '..';
import { get, post } from './endpoint';

/** work-orders: the routes its controllers declare. */
export const workOrdersEndpoints = {
  workOrders: get('/api/work-orders')<PageQuery, Page<WorkOrderDto>>(),
  issueWorkOrder: post('/api/work-orders')<IssueWorkOrderRequest, WorkOrderDto>(),
  acceptWorkOrder: post('/api/work-orders/:id/accept')<void, WorkOrderDto>(),
  completeWorkOrder: post('/api/work-orders/:id/done')<CompleteWorkOrderRequest, WorkOrderDto>(),
};
