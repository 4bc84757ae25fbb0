import { Module } from '@nestjs/common';
import { Household } from '../org/entities/household.entity';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { OrgModule } from '../org/org.module';
import { UploadsModule } from '../uploads/uploads.module';
import { TicketEvent } from './entities/ticket-event.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { SlaSweeper } from './sla-sweeper.service';
import { TicketNotifier } from './ticket-notifier';
import { OutboxModule } from '../outbox/outbox.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TicketSla } from './ticket-sla.service';
import { CalendarModule } from '../calendar/calendar.module';
import { SlaPoliciesModule } from '../sla-policies/sla-policies.module';
import { OutagesModule } from '../outages/outages.module';
import { TicketSequence } from './entities/ticket-sequence.entity';
import { TicketExtension } from './entities/ticket-extension.entity';
import { TicketExtensions } from './ticket-extensions.service';
import { TicketClassification } from './ticket-classification.service';
import { TicketEscalation } from './ticket-escalation.service';
import { WorkOrdersModule } from '../work-orders/work-orders.module';
import { TicketExtensionsController } from './ticket-extensions.controller';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketActions } from './ticket-actions.service';
import { TicketActionChecks } from './ticket-action-checks';
import { TicketDispatcher } from './ticket-dispatcher';
import { TicketNumbering } from './ticket-numbering';
import { TicketQueries } from './ticket-queries.service';
import { TicketLists } from './ticket-lists.service';
import { TicketStaffView } from './ticket-staff-view';
import { TicketSubmission } from './ticket-submission.service';
import { TicketSubmitContext } from './ticket-submit-context';
import { TicketWriter } from './ticket-writer';
import { TicketsController } from './tickets.controller';
import { CommunityTicketsController } from './community-tickets.controller';
import { CommunityTicketQueries } from './community-ticket-queries.service';
import { TicketChase } from './ticket-chase.service';
import { FeedbackCoreModule } from '../feedback/feedback-core.module';

/** Tickets (报事): submission with dispatch, time limits and their sweep, the lists, detail, and actions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Ticket,
      TicketEvent,
      TicketMilestone,
      TicketSequence,
      TicketExtension,
      Household,
    ]),
    OrgModule,
    CategoriesModule,
    CalendarModule,
    SlaPoliciesModule,
    OutagesModule,
    WorkOrdersModule,
    UploadsModule,
    NotificationsModule,
    OutboxModule,
    FeedbackCoreModule,
  ],
  controllers: [TicketsController, CommunityTicketsController, TicketExtensionsController],
  providers: [
    TicketSla,
    TicketExtensions,
    TicketClassification,
    TicketEscalation,
    TicketNotifier,
    SlaSweeper,
    CommunityTicketQueries,
    TicketChase,
    TicketSubmission,
    TicketSubmitContext,
    TicketWriter,
    TicketQueries,
    TicketLists,
    TicketStaffView,
    TicketActions,
    TicketActionChecks,
    TicketAccess,
    TicketDispatcher,
    TicketNumbering,
  ],
  // Ratings act on a ticket through the resident's confirm and reopen.
  exports: [TicketActions, TicketAccess, TicketSubmission, TicketQueries],
})
export class TicketsModule {}
