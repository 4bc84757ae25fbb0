import { Module } from '@nestjs/common';
import { CallbackPlanner } from './callback-planner';

/**
 * What the ticket core needs of callbacks: creating them in the transaction of a ticket's change. Kept
 * apart from FeedbackModule (which uses the tickets module's actions) so neither imports the other.
 */
@Module({
  providers: [CallbackPlanner],
  exports: [CallbackPlanner],
})
export class FeedbackCoreModule {}
