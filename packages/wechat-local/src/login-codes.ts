import { createHash, randomBytes } from 'node:crypto';

interface IssuedCode {
  openid: string;
  unionid?: string;
  expiresAt: number;
}

/**
 * The codes wx.login() hands out: 32 characters, single use, valid for 5 minutes.
 * A used, unknown or expired code is answered with 40029 (WeChat does not tell them apart).
 */
export class LoginCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  mint(openid: string, unionid?: string): string {
    if (!openid) throw new Error('mintCode needs an openid');
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, unionid, expiresAt: this.now() + this.ttlMs });
    return code;
  }

  /** The user the code was minted for, consuming it; undefined if it is not (or no longer) valid. */
  redeem(code: string): IssuedCode | undefined {
    const issued = this.codes.get(code);
    if (!issued) return undefined;
    this.codes.delete(code);
    return issued.expiresAt > this.now() ? issued : undefined;
  }
}

/** WeChat's session_key: 16 random bytes, base64. Stable per openid here so repeated logins look alike. */
export function sessionKeyFor(openid: string, secret: string): string {
  return createHash('sha256')
    .update(`${secret}:${openid}`)
    .digest()
    .subarray(0, 16)
    .toString('base64');
}
