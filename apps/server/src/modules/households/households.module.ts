import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Building } from '../org/entities/building.entity';
import { Community } from '../org/entities/community.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { OrgModule } from '../org/org.module';
import { OutboxModule } from '../outbox/outbox.module';
import { WechatModule } from '../wechat/wechat.module';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { HouseholdInvite } from './entities/household-invite.entity';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { User } from '../org/entities/user.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdNote } from './entities/household-note.entity';
import { HouseholdRead } from './entities/household-read.entity';
import { HouseholdSheetController } from './household-sheet.controller';
import { HouseholdSheets } from './household-sheet.service';
import { HouseholdsController } from './households.controller';
import { Households } from './households.service';
import { JoinRequestsController } from './join-requests.controller';
import { JoinRequests } from './join-requests.service';

/** Household files (住户档案): members, notes with their read audit, invitations and join requests with their approvals, the membership history, the assistant's card, the spreadsheet import/export. */
@Module({
  imports: [TypeOrmModule.forFeature([Community, Household, HouseholdMember, HouseholdNote, HouseholdRead, HouseholdInvite, HouseholdJoinRequest, HouseholdMemberEvent, User, Ticket, TicketEvent, Notification, Building, Room, AssistantBuilding]), OrgModule, OutboxModule, WechatModule],
  controllers: [HouseholdsController, HouseholdSheetController, JoinRequestsController],
  providers: [Households, HouseholdSheets, JoinRequests],
})
export class HouseholdsModule {}
