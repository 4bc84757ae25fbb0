import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { CommunityEvent } from './entities/community-event.entity';
import { EventSignup } from './entities/event-signup.entity';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { User } from '../org/entities/user.entity';

/** Community events with sign-up, waiting list and check-in (docs/domain-rules.md §10). */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommunityEvent, EventSignup, Building, Household, User]),
    OrgModule,
  ],
  controllers: [EventsController],
  providers: [EventsService],
})
export class EventsModule {}
