import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
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
/**
 * HS256 with the secret as a KeyObject: given a string, jsonwebtoken first tries to parse it as a public
 * key on every verify and only then uses it as a secret, which costs a thrown exception per request
 * (about 1.2 ms against 13 µs measured: bench/results/jwt-verify.md).
 */
export function jwtModuleOptions(c: AppConfig): JwtModuleOptions {
  return {
    secret: createSecretKey(Buffer.from(c.jwt.secret, 'utf8')),
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

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
          useFactory: jwtModuleOptions,
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
