import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { OrgModule } from '../org/org.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TicketsModule } from '../tickets/tickets.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ChatController } from './chat.controller';
import { ChatReplies, ChatThread } from './chat-replies.service';
import { WechatChatModule } from '../wechat/wechat-chat.module';
import { ChatConversationService } from './chat-conversation.service';
import { ChatLog } from './chat-log';
import { ChatRatingTurns, ChatSurveyTurns } from './chat-turns';
import { ChatRatingPrompt } from './chat-rating-prompt.service';
import { ChatMessage } from './entities/chat-message.entity';
import { ChatConversation } from './entities/chat-conversation.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { User } from '../org/entities/user.entity';
import { ChatRatingPromptClaim } from './entities/chat-rating-prompt.entity';

/** The resident's conversation in WeChat's customer-service chat, on top of the wechat plumbing (docs/wechat-chat.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ChatMessage, ChatConversation, Ticket, User, ChatRatingPromptClaim]),
    WechatChatModule,
    OrgModule,
    TicketsModule,
    FeedbackModule,
    SurveysModule,
    NotificationsModule,
  ],
  controllers: [ChatController],
  providers: [
    ChatConversationService,
    ChatLog,
    ChatRatingTurns,
    ChatSurveyTurns,
    ChatRatingPrompt,
    ChatThread,
    ChatReplies,
  ],
  exports: [ChatConversationService, ChatRatingPrompt],
})
export class ChatModule {}
