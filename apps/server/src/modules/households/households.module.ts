import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { OrgModule } from '../org/org.module';
import { OutboxModule } from '../outbox/outbox.module';
import { WechatModule } from '../wechat/wechat.module';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { HouseholdInvite } from './entities/household-invite.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdNote } from './entities/household-note.entity';
import { HouseholdRead } from './entities/household-read.entity';
import { HouseholdsController } from './households.controller';
import { Households } from './households.service';

/** Household files (住户档案): members, notes with their read audit, invitations, the assistant's card. */
@Module({
  imports: [TypeOrmModule.forFeature([Household, HouseholdMember, HouseholdNote, HouseholdRead, HouseholdInvite, Ticket, TicketEvent, Notification, Building, Room, AssistantBuilding]), OrgModule, OutboxModule, WechatModule],
  controllers: [HouseholdsController],
  providers: [Households],
})
export class HouseholdsModule {}
