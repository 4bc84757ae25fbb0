import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { ChatPushService, PushQuery } from './chat-push.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/**
 * The message-push URL configured in the mini-program admin (https://<host>/api/wechat/push). Called by
 * WeChat, never by a signed-in user: the signature over the configured Token is the credential.
 */
@ApiTags('wechat')
@Controller('wechat/push')
export class ChatPushController {
  constructor(private readonly push: ChatPushService) {}

  @Implements(Endpoints.system.wechatPushVerify)
  @Get()
  @Public("Called by WeChat: authenticated by WeChat's signature (Token), checked in the handler.")
  @ApiOperation({
    summary: 'WeChat verifies the push URL: echostr back when the signature verifies',
  })
  verify(@Query() query: PushQuery, @Res() res: Response): void {
    const echo = this.push.verifyUrl(query);
    res.status(200).type('text/plain').send(echo);
  }

  @Implements(Endpoints.system.wechatPushReceive)
  @Post()
  @HttpCode(200)
  @Public(
    "Called by WeChat: authenticated by WeChat's signature (Token, msg_signature in safe mode), checked in the handler.",
  )
  @ApiOperation({
    summary: 'WeChat pushes a customer-service message or event (JSON or XML, plain or safe mode)',
  })
  async receive(
    @Query() query: PushQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const raw =
      typeof req.body === 'string'
        ? req.body
        : Buffer.isBuffer(req.body)
          ? req.body.toString('utf8')
          : '';
    const answer = await this.push.receive(query, raw);
    res.status(200).type(answer.contentType).send(answer.body);
  }
}
