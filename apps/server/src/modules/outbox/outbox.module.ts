import { OrgModule } from '../org/org.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatModule } from '../wechat/wechat.module';
import { AccessTokens } from './access-tokens.service';
import { OutboxMessage } from './entities/outbox-message.entity';
import { SubscriptionCredit } from './entities/subscription-credit.entity';
import { WechatToken } from './entities/wechat-token.entity';
import { OutboxAdminController } from './outbox-admin.controller';
import { OutboxAdmin } from './outbox-admin.service';
import { OutboxWorker } from './outbox-worker.service';
import { Outbox } from './outbox.service';
import { SubscriptionsController } from './subscriptions.controller';
import { User } from '../org/entities/user.entity';

/** WeChat subscribe messages: subscription credits, the outbox written with each change, and the worker delivering it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMessage, SubscriptionCredit, WechatToken, User]),
    WechatModule,
    OrgModule,
  ],
  controllers: [SubscriptionsController, OutboxAdminController],
  providers: [Outbox, OutboxWorker, AccessTokens, OutboxAdmin],
  exports: [Outbox, OutboxWorker, AccessTokens],
})
export class OutboxModule {}
