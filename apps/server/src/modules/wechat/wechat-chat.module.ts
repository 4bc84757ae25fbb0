import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { ChatInboxWorker } from './chat-inbox.worker';
import { ChatInboxRegistry, ChatSender } from './chat-port';
import { ChatPushController } from './chat-push.controller';
import { ChatPushService } from './chat-push.service';
import { WechatChatSender } from './chat-sender.service';
import { ChatInboundRow } from './entities/chat-inbound.entity';
import { ChatSessionRow } from './entities/chat-session.entity';
import { WechatChatClient } from './wechat-chat.client';
import { WechatModule } from './wechat.module';

/**
 * WeChat's customer-service chat plumbing: the push URL, the stored inbound messages and the worker
 * handing them to the conversation (ChatInboxRegistry), and sending within the session window
 * (ChatSender). The chat module imports this and uses only the two abstract classes of chat-port.ts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ChatInboundRow, ChatSessionRow]), WechatModule, OutboxModule],
  controllers: [ChatPushController],
  providers: [
    ChatPushService,
    WechatChatClient,
    WechatChatSender,
    ChatInboxWorker,
    { provide: ChatSender, useExisting: WechatChatSender },
    { provide: ChatInboxRegistry, useExisting: ChatInboxWorker },
  ],
  exports: [ChatSender, ChatInboxRegistry, WechatChatSender, ChatInboxWorker, ChatPushService],
})
export class WechatChatModule {}
