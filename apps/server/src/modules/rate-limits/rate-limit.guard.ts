import {
  applyDecorators,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { ErrorCode } from '@linli/contracts';
import type { Response } from 'express';
import { AuthedRequest } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig, RateLimitedOperation } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const RATE_LIMITED_OPERATION = 'linli:rate-limited-operation';

/** The throttlers: one counts per signed-in user, one per address; each operation sets its own numbers (AppConfig.rateLimits). */
export const THROTTLERS = [
  { name: 'user', ttl: 60_000, limit: 1 },
  { name: 'ip', ttl: 60_000, limit: 1 },
];

/**
 * Limits a route per user and per address, with the numbers configured for `operation`. Over the limit:
 * 429 RATE_LIMITED with a Chinese message and Retry-After. Counted in the database (every instance).
 */
export const RateLimit = (operation: RateLimitedOperation) =>
  applyDecorators(SetMetadata(RATE_LIMITED_OPERATION, operation), UseGuards(RateLimitGuard));

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.throttlers) await this.onModuleInit();
    return super.canActivate(context);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const operation = this.reflector.get<RateLimitedOperation | undefined>(
      RATE_LIMITED_OPERATION,
      props.context.getHandler(),
    );
    if (!operation) return true;
    const rule = this.config.rateLimits[operation];
    const req = props.context.switchToHttp().getRequest<AuthedRequest>();
    const byUser = props.throttler.name === 'user';
    const limit = byUser ? rule.perUser : rule.perIp;
    if (limit === null || (byUser && !req.user)) return true;
    const tracker = byUser
      ? `user:${req.user!.id}`
      : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const window = rule.windowSeconds * 1000;
    return super.handleRequest({
      ...props,
      limit,
      ttl: window,
      blockDuration: window,
      getTracker: () => tracker,
      generateKey: () => `${operation}:${tracker}`,
    });
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new AppException(ErrorCode.RATE_LIMITED, `操作过于频繁，请 ${seconds} 秒后再试`);
  }
}
