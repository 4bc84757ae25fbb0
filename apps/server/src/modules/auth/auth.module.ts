import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from '../../common/auth/auth.guard';
import { SessionVerifier } from '../../common/auth/auth-user';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrgModule } from '../org/org.module';
import { WechatModule } from '../wechat/wechat.module';
import { AuthController, DemoLoginController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

/** Who is calling: WeChat (and demo) login, session tokens, and the global guard that checks them. */
@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        OrgModule,
        WechatModule,
        JwtModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => ({ secret: c.jwt.secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
        }),
      ],
      controllers: config.demoMode ? [AuthController, DemoLoginController] : [AuthController],
      providers: [
        AuthService,
        TokenService,
        { provide: SessionVerifier, useExisting: TokenService },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
