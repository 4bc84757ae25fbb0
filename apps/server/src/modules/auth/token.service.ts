import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@linli/contracts';
import { AuthUser, SessionVerifier } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { OrgDirectory } from '../org/org-directory.service';

interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

/** Session tokens (JWT, HS256). Issue and expiry follow the business clock, so the test clock moves them too. */
@Injectable()
export class TokenService implements SessionVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: ClockService,
    private readonly org: OrgDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + this.config.jwt.ttlSeconds;
    const token = await this.jwt.signAsync({ sub: userId, iat, exp } satisfies TokenClaims);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verify(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch {
      throw new AppException(ErrorCode.AUTH_TOKEN_INVALID);
    }
    const user = typeof claims.sub === 'string' ? await this.org.authUser(claims.sub) : null;
    if (!user) throw new AppException(ErrorCode.AUTH_TOKEN_INVALID);
    return user;
  }
}
