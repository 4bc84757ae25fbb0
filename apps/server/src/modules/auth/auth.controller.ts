import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, SessionDto, UserProfileDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { OrgDirectory } from '../org/org-directory.service';
import { AuthService } from './auth.service';
import { DemoLoginDto, WechatLoginDto } from './dto/login.dto';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly org: OrgDirectory,
  ) {}

  @Implements(Endpoints.api.wechatLogin)
  @Post('auth/wechat-login')
  @RateLimit('login')
  @HttpCode(200)
  @Public('Signing in: the WeChat login code is the credential.')
  @ApiOperation({ summary: 'Sign in with the code from wx.login()' })
  wechatLogin(@Body() dto: WechatLoginDto): Promise<SessionDto> {
    return this.auth.wechatLogin(dto.code);
  }

  @Implements(Endpoints.api.me)
  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): Promise<UserProfileDto> {
    return this.org.profile(user);
  }
}

/** Registered only in demo mode (no WECHAT_APPID); elsewhere the route does not exist. */
@ApiTags('auth')
@Controller('auth')
export class DemoLoginController {
  constructor(private readonly auth: AuthService) {}

  @Implements(Endpoints.api.demoLogin)
  @Post('demo-login')
  @RateLimit('login')
  @HttpCode(200)
  @Public(
    'Demo mode only: sign in as one of the demo personas. The route does not exist when a WeChat AppID is set.',
  )
  @ApiOperation({
    summary: 'Demo mode: sign in as a demo persona (through the local WeChat server)',
  })
  demoLogin(@Body() dto: DemoLoginDto): Promise<SessionDto> {
    return this.auth.demoLogin(dto.persona);
  }
}
