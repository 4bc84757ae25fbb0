import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@linli/contracts';
import { AuthedRequest, AuthUser } from './auth-user';

export const ROLES_KEY = 'linli:roles';
export const PUBLIC_KEY = 'linli:public';

/** Only signed-in users with one of these roles may call the endpoint. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Anyone may call the endpoint without a session. `reason` says why that is safe (documentation for
 * reviewers; the roles walk test insists every handler has either @Public or @Roles).
 */
export const Public = (reason: string) => SetMetadata(PUBLIC_KEY, reason);

/** The signed-in user (never undefined behind @Roles). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser => {
    const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
    if (!user) throw new Error('CurrentUser used on an endpoint without @Roles');
    return user;
  },
);
