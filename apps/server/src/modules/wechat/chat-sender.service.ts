import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  chatWindowFor,
  chatWindowVerdict,
  ChatWindowPolicy,
  DEFAULT_CHAT_WINDOW_POLICY,
} from '@linli/domain';
import { Repository } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { AccessTokens } from '../outbox/access-tokens.service';
import { ChatOutbound, ChatSender, ChatSendOutcome, ChatWindowState } from './chat-port';
import { ChatSessionRow } from './entities/chat-session.entity';
import { WechatCallResult, WechatChatClient } from './wechat-chat.client';

const TOKEN_INVALID = new Set([40001, 42001]);
/** 45015: the 48 h (or 1 min) window is over; 45047: the quota after the user's action is used up. */
const OUT_OF_TIME = 45015;
const OVER_QUOTA = 45047;

/**
 * Sends into a resident's customer-service chat, never what WeChat would refuse: each send first
 * reserves one of the window's slots with a conditional update (safe with several instances), and
 * gives it back when WeChat did not take the message. WeChat's own refusals correct the record.
 * Its statements go through the unit of work, so on SQLite they never join (and roll back with) another
 * request's open transaction.
 */
@Injectable()
export class WechatChatSender extends ChatSender {
  private readonly logger = new Logger('ChatSender');
  readonly policy: ChatWindowPolicy = DEFAULT_CHAT_WINDOW_POLICY;

  constructor(
    @InjectRepository(ChatSessionRow) private readonly chatSessions: Repository<ChatSessionRow>,
    private readonly client: WechatChatClient,
    private readonly tokens: AccessTokens,
    private readonly clock: ClockService,
    private readonly uow: UnitOfWork,
  ) {
    super();
  }

  async window(openid: string, now: Date): Promise<ChatWindowState> {
    const row = await this.chatSessions.findOne({ where: { openid } });
    const verdict = chatWindowVerdict(
      row
        ? {
            lastAction: { kind: row.lastActionKind, at: row.lastActionAt },
            sentSince: row.sentSince,
          }
        : { lastAction: null, sentSince: 0 },
      now,
      this.policy,
    );
    return { open: verdict.open, remaining: verdict.remaining, closesAt: verdict.closesAt };
  }

  async send(openid: string, message: ChatOutbound): Promise<ChatSendOutcome> {
    const reserved = await this.reserve(openid);
    if ('refusal' in reserved) return { sent: false, reason: reserved.refusal };
    let result = await this.withToken((token) => this.client.send(token, openid, message));
    if (result.errcode === -1)
      result = await this.withToken((token) => this.client.send(token, openid, message)); // once more
    if (result.errcode === 0) return { sent: true };
    const row = reserved.row;
    if (result.errcode === OUT_OF_TIME) {
      // WeChat says the window is over: record it closed (a new action by the resident opens a new one).
      const closedAt = new Date(this.clock.now().getTime() - this.windowMs(row) - 1);
      await this.correct(row, { lastActionAt: closedAt, sentSince: 0 });
      return { sent: false, reason: 'window_closed', errcode: result.errcode };
    }
    if (result.errcode === OVER_QUOTA) {
      await this.correct(row, {
        sentSince: chatWindowFor(row.lastActionKind, row.lastActionAt, this.policy).quota,
      });
      return { sent: false, reason: 'quota_exhausted', errcode: result.errcode };
    }
    // Not taken (40003 unknown openid, or still failing): the slot goes back, unless WeChat may have taken it (-1).
    if (result.errcode !== -1)
      await this.correct(row, {
        sentSince: () => 'CASE WHEN sentSince > 0 THEN sentSince - 1 ELSE 0 END',
      });
    this.logger.warn(`custom/send to ${openid} failed: ${result.errcode} ${result.errmsg}`);
    return { sent: false, reason: 'failed', errcode: result.errcode };
  }

  async typing(openid: string, on: boolean): Promise<void> {
    // Typing does not use up the quota, but WeChat refuses it outside the window (45015): not sent then.
    const now = this.clock.now();
    const state = await this.window(openid, now);
    if (!state.closesAt || now.getTime() > state.closesAt.getTime()) return;
    const result = await this.withToken((token) => this.client.typing(token, openid, on));
    if (result.errcode !== 0)
      this.logger.warn(`typing for ${openid} failed: ${result.errcode} ${result.errmsg}`);
  }

  /** Uploads a picture as temporary media; the media id goes into an image message. Null when WeChat refused. */
  async uploadImage(
    picture: Buffer,
    filename: string,
    contentType: string,
  ): Promise<string | null> {
    const result = await this.withToken((token) =>
      this.client.uploadImage(token, picture, filename, contentType),
    );
    return result.errcode === 0 && result.mediaId ? result.mediaId : null;
  }

  /** Takes one slot of the resident's window, or says why there is none. Retries when another send raced it. */
  private async reserve(
    openid: string,
  ): Promise<{ row: ChatSessionRow } | { refusal: 'window_closed' | 'quota_exhausted' }> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.chatSessions.findOne({ where: { openid } });
      const now = this.clock.now();
      if (!row) return { refusal: 'window_closed' };
      const verdict = chatWindowVerdict(
        {
          lastAction: { kind: row.lastActionKind, at: row.lastActionAt },
          sentSince: row.sentSince,
        },
        now,
        this.policy,
      );
      if (verdict.refusal) return { refusal: verdict.refusal };
      const taken = await this.uow.run((db) =>
        db
          .createQueryBuilder()
          .update(ChatSessionRow)
          .set({ sentSince: row.sentSince + 1, updatedAt: now })
          .where('openid = :openid AND sentSince = :seen AND lastActionAt = :at', {
            openid,
            seen: row.sentSince,
            at: row.lastActionAt,
          })
          .execute(),
      );
      if (taken.affected) return { row: { ...row, sentSince: row.sentSince + 1 } };
    }
    return { refusal: 'quota_exhausted' };
  }

  /** Corrects the window the send was counted against (not a newer one the resident opened meanwhile). */
  private async correct(row: ChatSessionRow, set: Record<string, unknown>): Promise<void> {
    await this.uow.run((db) =>
      db
        .createQueryBuilder()
        .update(ChatSessionRow)
        .set({ ...set, updatedAt: this.clock.now() })
        .where('openid = :openid AND lastActionAt = :at', {
          openid: row.openid,
          at: row.lastActionAt,
        })
        .execute(),
    );
  }

  private windowMs(row: ChatSessionRow): number {
    return row.lastActionKind === 'enter' ? this.policy.enterWindowMs : this.policy.messageWindowMs;
  }

  /** Calls with the shared access token; on 40001/42001 refreshes it once and calls again. */
  private async withToken(
    call: (token: string) => Promise<WechatCallResult>,
  ): Promise<WechatCallResult> {
    let token: string;
    try {
      token = await this.tokens.get();
    } catch {
      return { errcode: -1, errmsg: 'no access token' };
    }
    const result = await call(token);
    if (!TOKEN_INVALID.has(result.errcode)) return result;
    try {
      return await call(await this.tokens.refresh());
    } catch {
      return { errcode: -1, errmsg: 'no access token' };
    }
  }
}
