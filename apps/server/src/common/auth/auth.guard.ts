import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role } from '@linli/contracts';
import { AppException } from '../errors/app-exception';
import { AuthedRequest, SessionVerifier } from './auth-user';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';

/**
 * Global guard: every endpoint is closed unless it says who may call it. @Public endpoints pass;
 * @Roles endpoints need a valid bearer token of one of the roles; anything else is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw new AppException(ErrorCode.FORBIDDEN);

    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new AppException(ErrorCode.UNAUTHENTICATED);
    const user = await this.sessions.verify(token);
    req.user = user;
    if (!roles.includes(user.role)) throw new AppException(ErrorCode.FORBIDDEN);
    return true;
  }
}
