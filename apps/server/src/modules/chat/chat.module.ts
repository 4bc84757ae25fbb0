import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { OrgModule } from '../org/org.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TicketsModule } from '../tickets/tickets.module';
import { WechatChatModule } from '../wechat/wechat-chat.module';
import { ChatConversationService } from './chat-conversation.service';
import { ChatRatingPrompt } from './chat-rating-prompt.service';

/** The resident's conversation in WeChat's customer-service chat, on top of the wechat plumbing (docs/wechat-chat.md). */
@Module({
  imports: [WechatChatModule, OrgModule, TicketsModule, FeedbackModule, SurveysModule],
  providers: [ChatConversationService, ChatRatingPrompt],
  exports: [ChatConversationService, ChatRatingPrompt],
})
export class ChatModule {}
