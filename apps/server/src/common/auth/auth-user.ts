import { Role } from '@linli/contracts';
import type { Request } from 'express';

/** Who is calling, as the auth guard established it for this request. */
export interface AuthUser {
  id: string;
  name: string;
  role: Role;
  householdId: string | null;
  communityId: string | null;
}

export interface AuthedRequest extends Request {
  user?: AuthUser;
}

/** Resolves a bearer token to the user; implemented by the auth module. Throws AppException when invalid. */
export abstract class SessionVerifier {
  abstract verify(token: string): Promise<AuthUser>;
}
