import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { WechatClient } from '../wechat/wechat.client';
import { WechatToken } from './entities/wechat-token.entity';

const ROW = 'access';
/** Refresh this long before WeChat's expiry, so no call goes out with a token about to lapse. */
const EARLY_MS = 5 * 60_000;

/**
 * WeChat's access token, kept in the database so every server instance uses the same one (each
 * fetching its own would invalidate the others'). Refreshed before expiry, and once on 40001/42001.
 * Concurrent deliveries in one instance share one fetch; instances racing to store it upsert the row
 * (a plain insert would fail for all but one of them and send their messages into retry).
 */
@Injectable()
export class AccessTokens {
  private inFlight: Promise<string> | null = null;

  constructor(
    @InjectRepository(WechatToken) private readonly tokens: Repository<WechatToken>,
    private readonly wechat: WechatClient,
    private readonly clock: ClockService,
  ) {}

  async get(): Promise<string> {
    const row = await this.tokens.findOne({ where: { id: ROW } });
    if (row && row.expiresAt.getTime() - EARLY_MS > this.clock.now().getTime()) return row.token;
    return this.fetch(false);
  }

  /** WeChat said the token is invalid or expired: get a fresh one (forced, so a stale one is not handed back). */
  refresh(): Promise<string> {
    return this.fetch(true);
  }

  private fetch(force: boolean): Promise<string> {
    // A forced refresh joins one already under way: it was started for the same expired token.
    this.inFlight ??= this.fetchOnce(force).finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async fetchOnce(force: boolean): Promise<string> {
    const { token, expiresInSeconds } = await this.wechat.stableToken(force);
    const now = this.clock.now();
    await this.tokens.upsert(
      {
        id: ROW,
        token,
        expiresAt: new Date(now.getTime() + expiresInSeconds * 1000),
        updatedAt: now,
      },
      ['id'],
    );
    return token;
  }
}
