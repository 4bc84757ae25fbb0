import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { OrgModule } from '../org/org.module';
import { UploadsModule } from '../uploads/uploads.module';
import { TicketEvent } from './entities/ticket-event.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { SlaSweeper } from './sla-sweeper.service';
import { TicketNotifier } from './ticket-notifier';
import { NotificationsModule } from '../notifications/notifications.module';
import { TicketSla, WORKING_CALENDAR } from './ticket-sla.service';
import { WorkingCalendar } from '@linli/domain';
import { TicketSequence } from './entities/ticket-sequence.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketActions } from './ticket-actions.service';
import { TicketDispatcher } from './ticket-dispatcher';
import { TicketNumbering } from './ticket-numbering';
import { TicketQueries } from './ticket-queries.service';
import { TicketSubmission } from './ticket-submission.service';
import { TicketsController } from './tickets.controller';
import { CommunityTicketsController } from './community-tickets.controller';
import { CommunityTicketQueries } from './community-ticket-queries.service';

/** Tickets (报事): submission with dispatch, time limits and their sweep, the lists, detail, and actions. */
@Module({
  imports: [TypeOrmModule.forFeature([Ticket, TicketEvent, TicketMilestone, TicketSequence]), OrgModule, CategoriesModule, UploadsModule, NotificationsModule],
  controllers: [TicketsController, CommunityTicketsController],
  providers: [
    { provide: WORKING_CALENDAR, useFactory: () => new WorkingCalendar() },
    TicketSla,
    TicketNotifier,
    SlaSweeper,
    CommunityTicketQueries,
    TicketSubmission, TicketQueries, TicketActions, TicketAccess, TicketDispatcher, TicketNumbering],
})
export class TicketsModule {}
