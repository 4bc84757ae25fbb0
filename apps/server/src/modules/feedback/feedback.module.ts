import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { CallbackReader } from './callback-reader';
import { CallbackSampling } from './callback-sampling.service';
import { CallbackSweeper } from './callback-sweeper.service';
import { Callbacks } from './callbacks.service';
import { CallbackSample } from './entities/callback-sample.entity';
import { CallbackTask } from './entities/callback-task.entity';
import { TicketRating } from './entities/ticket-rating.entity';
import { FeedbackController } from './feedback.controller';
import { FeedbackCoreModule } from './feedback-core.module';
import { Ratings } from './ratings.service';
import { CarePlanner } from './care-planner.service';
import { Household } from '../org/entities/household.entity';

/** Ratings (评价) and callbacks (回访), issue #11: the resident's verdict and the company's follow-up. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketRating, CallbackTask, CallbackSample, Household]),
    TicketsModule,
    FeedbackCoreModule,
    OrgModule,
    NotificationsModule,
  ],
  controllers: [FeedbackController],
  providers: [Ratings, Callbacks, CallbackSampling, CallbackSweeper, CallbackReader, CarePlanner],
  exports: [CallbackSampling, Ratings],
})
export class FeedbackModule {}
