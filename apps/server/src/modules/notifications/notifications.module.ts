import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { Notification } from './entities/notification.entity';
import { Inbox } from './inbox.service';
import { NotificationsController } from './notifications.controller';

/** The in-app inbox (消息中心). Other modules write to it through Inbox.deliver inside their own transactions. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), OutboxModule],
  controllers: [NotificationsController],
  providers: [Inbox],
  exports: [Inbox],
})
export class NotificationsModule {}
