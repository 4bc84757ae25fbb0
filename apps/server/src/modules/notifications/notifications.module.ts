import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { CallTasks } from './call-tasks.service';
import { CallTasksController } from './call-tasks.controller';
import { CallTask } from './entities/call-task.entity';
import { Notification } from './entities/notification.entity';
import { Inbox } from './inbox.service';
import { NotificationsController } from './notifications.controller';

/**
 * The in-app inbox (消息中心) and the phone calls owed when WeChat cannot reach someone with an emergency.
 * Other modules write to both inside their own transactions.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, CallTask]), OutboxModule],
  controllers: [NotificationsController, CallTasksController],
  providers: [Inbox, CallTasks],
  exports: [Inbox, CallTasks],
})
export class NotificationsModule {}
