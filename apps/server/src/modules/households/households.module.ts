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
import { MoveOut } from '../move-outs/entities/move-out.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { StaffProfilesModule } from '../staff-profiles/staff-profiles.module';
import { MoveIn } from '../move-ins/entities/move-in.entity';
import { MoveInPerson } from '../move-ins/entities/move-in-person.entity';
import { UploadsModule } from '../uploads/uploads.module';
import { HouseholdDocumentPhoto } from './entities/household-document-photo.entity';
import { HouseholdDocumentRecord } from './entities/household-document.entity';
import { HouseholdInvite } from './entities/household-invite.entity';
import { HouseholdReview } from './entities/household-review.entity';
import { HouseholdAccess } from './household-access';
import { HouseholdRecordsController } from './household-records.controller';
import { HouseholdDocuments, HouseholdReviews } from './household-records.service';
import { HouseholdTimeline } from './household-timeline.service';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { User } from '../org/entities/user.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdNote } from './entities/household-note.entity';
import { HouseholdRead } from './entities/household-read.entity';
import { HouseholdSheetController } from './household-sheet.controller';
import { HouseholdSheets } from './household-sheet.service';
import { HouseholdFilesController, HouseholdsController } from './households.controller';
import { BuildingRooms } from './use-cases/building-rooms';
import { ExportHousehold, VisibleHouseholdTickets } from './use-cases/export-household';
import { HouseholdAudit } from './use-cases/household-audit';
import {
  EditHouseholdFile,
  HouseholdFileActivity,
  ReadHouseholdFile,
} from './use-cases/household-file';
import { BindPhone, Invitations } from './use-cases/joining';
import { ResidencePasses } from './use-cases/member-view';
import { EditMyMember, ReadMyHousehold } from './use-cases/my-household';
import { JoinRequestsController } from './join-requests.controller';
import { JoinRequestReads } from './join-request-reads';
import { JoinRequests } from './join-requests.service';
import { MemberRooms } from './member-rooms';
import { JoinPicker, RoomFiles } from './room-files';

/** Household files (住户档案): members, notes with their read audit, the documents checklist, quarterly reviews, the timeline, invitations and join requests with their approvals, the membership history, the assistant's card, the spreadsheet import/export. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Community,
      Household,
      HouseholdMember,
      HouseholdNote,
      HouseholdRead,
      HouseholdInvite,
      HouseholdJoinRequest,
      HouseholdMemberEvent,
      HouseholdDocumentRecord,
      HouseholdDocumentPhoto,
      HouseholdReview,
      MoveOut,
      MoveInPerson,
      MoveIn,
      User,
      Ticket,
      TicketEvent,
      Notification,
      Building,
      Room,
      AssistantBuilding,
    ]),
    OrgModule,
    OutboxModule,
    WechatModule,
    UploadsModule,
    StaffProfilesModule,
    NotificationsModule,
  ],
  controllers: [
    HouseholdsController,
    HouseholdFilesController,
    HouseholdRecordsController,
    HouseholdSheetController,
    JoinRequestsController,
  ],
  providers: [
    ReadMyHousehold,
    EditMyMember,
    ExportHousehold,
    VisibleHouseholdTickets,
    Invitations,
    BindPhone,
    BuildingRooms,
    ReadHouseholdFile,
    HouseholdFileActivity,
    EditHouseholdFile,
    HouseholdAudit,
    ResidencePasses,
    HouseholdAccess,
    HouseholdDocuments,
    HouseholdReviews,
    HouseholdTimeline,
    HouseholdSheets,
    JoinRequests,
    JoinRequestReads,
    JoinPicker,
    RoomFiles,
    MemberRooms,
  ],
  exports: [HouseholdAccess],
})
export class HouseholdsModule {}
