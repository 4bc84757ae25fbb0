import { Injectable } from '@nestjs/common';
import { DemoPersona, ErrorCode, SessionDto } from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { DEMO_OPENIDS } from '../../database/seed/demo-community';
import { OrgDirectory } from '../org/org-directory.service';
import { WechatClient } from '../wechat/wechat.client';
import { WechatEndpoint } from '../wechat/wechat-endpoint';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly wechat: WechatClient,
    private readonly endpoint: WechatEndpoint,
    private readonly org: OrgDirectory,
    private readonly tokens: TokenService,
  ) {}

  /** wx.login() code → WeChat code2Session → our user → session token. */
  async wechatLogin(code: string): Promise<SessionDto> {
    const { openid } = await this.wechat.code2Session(code);
    const user = await this.org.findByOpenid(openid);
    if (!user) throw new AppException(ErrorCode.AUTH_NOT_REGISTERED);
    const authUser = {
      id: user.id,
      name: user.name,
      role: user.role,
      householdId: user.householdId,
      communityId: user.communityId,
    };
    const { token, expiresAt } = await this.tokens.issue(user.id);
    return { token, expiresAt: expiresAt.toISOString(), user: await this.org.profile(authUser) };
  }

  /** Demo mode: the local WeChat server mints a code for the persona, then the very same path as a real login. */
  async demoLogin(persona: DemoPersona): Promise<SessionDto> {
    const local = this.endpoint.local;
    if (!local) throw new AppException(ErrorCode.NOT_FOUND);
    if (!Object.prototype.hasOwnProperty.call(DEMO_OPENIDS, persona))
      throw new AppException(ErrorCode.DEMO_PERSONA_UNKNOWN);
    const openid = DEMO_OPENIDS[persona];
    return this.wechatLogin(local.mintCode(openid));
  }
}
