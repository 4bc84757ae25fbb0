import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChatMessageDto, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ChatReplies, ChatThread } from './chat-replies.service';
import { ChatReplyDto } from './chat-reply.dto';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('chat')
@ApiBearerAuth()
@Controller()
export class ChatController {
  constructor(
    private readonly thread: ChatThread,
    private readonly replies: ChatReplies,
  ) {}

  @Implements(Endpoints.chat.ticketChat)
  @Get('tickets/:id/chat')
  @Roles(Role.Resident, Role.Assistant, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Whoever may see the ticket: the WeChat customer-service messages about it',
  })
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ChatMessageDto[]> {
    return this.thread.list(user, id);
  }

  @Implements(Endpoints.chat.reply)
  @Post('tickets/:id/chat-replies')
  @HttpCode(200)
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary:
      'The assignee or a supervisor answers a chat-reported ticket: into the chat while the window is open, otherwise as a notification with the ticket',
  })
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ChatReplyDto,
  ): Promise<ChatMessageDto[]> {
    return this.replies.reply(user, id, body.text);
  }
}
