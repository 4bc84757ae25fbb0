import type {
  AssigneeOptionDto,
  ClassifyTicketRequest,
  CommunityTicketFilter,
  CreateTicketOnBehalfRequest,
  CreateTicketRequest,
  DecideExtensionRequest,
  EscalationSlipRequest,
  Page,
  PageQuery,
  QueuePage,
  CommunityTicketsPage,
  RequestExtensionRequest,
  TicketActionRequest,
  TicketDetailDto,
  TicketExtensionDto,
  TicketSummaryDto,
} from '..';
import { get, post } from './endpoint';

/** tickets: the routes its controllers declare. */
export const ticketsEndpoints = {
  communityTickets: get('/api/tickets/community')<
    PageQuery & { filter: CommunityTicketFilter },
    CommunityTicketsPage
  >(),
  requestExtension: post('/api/tickets/:id/extensions')<
    RequestExtensionRequest,
    TicketExtensionDto
  >(),
  pendingExtensions: get('/api/ticket-extensions/pending')<void, TicketExtensionDto[]>(),
  decideExtension: post('/api/ticket-extensions/:id/decision')<
    DecideExtensionRequest,
    TicketExtensionDto
  >(),
  createTicket: post('/api/tickets')<CreateTicketRequest, TicketDetailDto>(),
  createTicketOnBehalf: post('/api/tickets/on-behalf')<
    CreateTicketOnBehalfRequest,
    TicketDetailDto
  >(),
  myTickets: get('/api/tickets/mine')<PageQuery, Page<TicketSummaryDto>>(),
  myQueue: get('/api/tickets/queue')<PageQuery, QueuePage>(),
  ticket: get('/api/tickets/:id')<void, TicketDetailDto>(),
  assignees: get('/api/tickets/:id/assignees')<void, AssigneeOptionDto[]>(),
  act: post('/api/tickets/:id/actions')<TicketActionRequest, TicketDetailDto>(),
  escalationSlip: post('/api/tickets/:id/escalation-slip')<
    EscalationSlipRequest,
    TicketDetailDto
  >(),
  classify: post('/api/tickets/:id/classification')<ClassifyTicketRequest, TicketDetailDto>(),
};
