import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { NoticeRead } from './entities/notice-read.entity';
import { Notice } from './entities/notice.entity';
import { NoticePublishing } from './notice-publishing.service';
import { NoticeQueries } from './notice-queries.service';
import { NoticesController } from './notices.controller';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { HouseholdMember } from '../households/entities/household-member.entity';

/** Notices of every kind (docs/domain-rules.md §11) with read receipts per household; planned cuts are announced as one. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notice, NoticeRead, Building, Household, HouseholdMember]),
    NotificationsModule,
    OrgModule,
  ],
  controllers: [NoticesController],
  providers: [NoticeQueries, NoticePublishing],
  exports: [NoticePublishing],
})
export class NoticesModule {}
