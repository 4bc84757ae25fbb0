import { randomBytes } from 'node:crypto';

/** A subscribe message the server accepted (what the user's WeChat would show). */
export interface DeliveredMessage {
  msgid: number;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: number;
}

const TOKEN_TTL_S = 7200;

/**
 * What the local WeChat platform remembers besides login codes: issued access tokens, users who
 * revoked their subscriptions, phone numbers behind getPhoneNumber codes, and delivered messages.
 */
export class PlatformState {
  private tokens = new Map<string, number>(); // token → expiry (ms)
  private current: string | null = null;
  readonly revoked = new Set<string>(); // `${openid} ${templateId}` or `${openid} *`
  readonly phoneCodes = new Map<string, string>();
  readonly delivered: DeliveredMessage[] = [];
  private msgid = 1000;

  constructor(private readonly now: () => number) {}

  /** stable_token: the same token while it is valid (unless forced), else a new one. */
  issueToken(force: boolean): { access_token: string; expires_in: number } {
    const now = this.now();
    const expiry = this.current ? this.tokens.get(this.current) : undefined;
    if (!force && this.current && expiry && expiry > now)
      return { access_token: this.current, expires_in: Math.floor((expiry - now) / 1000) };
    if (force && this.current) this.tokens.delete(this.current);
    this.current = `local-${randomBytes(12).toString('hex')}`;
    this.tokens.set(this.current, now + TOKEN_TTL_S * 1000);
    return { access_token: this.current, expires_in: TOKEN_TTL_S };
  }

  tokenValid(token: string | undefined): boolean {
    const expiry = token ? this.tokens.get(token) : undefined;
    return expiry !== undefined && expiry > this.now();
  }

  /** Makes every issued token invalid, as WeChat does when another party forces a refresh. */
  expireTokens(): void {
    this.tokens.clear();
    this.current = null;
  }

  isRevoked(openid: string, templateId: string): boolean {
    return this.revoked.has(`${openid} ${templateId}`) || this.revoked.has(`${openid} *`);
  }

  deliver(message: Omit<DeliveredMessage, 'msgid' | 'at'>): number {
    this.msgid += 1;
    this.delivered.push({ ...message, msgid: this.msgid, at: this.now() });
    return this.msgid;
  }
}
