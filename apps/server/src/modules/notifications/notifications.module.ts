import { OrgModule } from '../org/org.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { OutboxModule } from '../outbox/outbox.module';
import { CallTasks } from './call-tasks.service';
import { CallTasksController } from './call-tasks.controller';
import { CallTask } from './entities/call-task.entity';
import { Notification } from './entities/notification.entity';
import { HouseholdNotices } from './household-notices.service';
import { Inbox } from './inbox.service';
import { NotificationsController } from './notifications.controller';

/**
 * The in-app inbox (消息中心) and the phone calls owed when WeChat cannot reach someone with an emergency.
 * Other modules write to both inside their own transactions.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, CallTask, HouseholdMember, AssistantBuilding]),
    OutboxModule,
    OrgModule,
  ],
  controllers: [NotificationsController, CallTasksController],
  providers: [Inbox, CallTasks, HouseholdNotices],
  exports: [Inbox, CallTasks, HouseholdNotices],
})
export class NotificationsModule {}
