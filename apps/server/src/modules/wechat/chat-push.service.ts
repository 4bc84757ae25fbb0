import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@linli/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import type { ChatInbound } from './chat-port';
import { ChatInboundKind, ChatInboundRow, ChatInboundStatus } from './entities/chat-inbound.entity';
import { ChatActionKind, ChatSessionRow } from './entities/chat-session.entity';
import { retryOnDeadlock } from '../../database/retry-on-deadlock';
import { formatReply, parsePushBody, PushFields, toChatInbound } from './push-message';
import { WechatCryptoError, WechatMsgCrypt } from './wechat-crypto';
import { WechatEndpoint } from './wechat-endpoint';

/** The query WeChat signs a push with. */
export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  encrypt_type?: string;
  msg_signature?: string;
}

const refused = () => new AppException(ErrorCode.UNAUTHENTICATED, '微信消息推送签名校验失败');

/**
 * WeChat's message push: verifies the signature (plain) or msg_signature and decryption (safe mode),
 * stores each chat message once (a retried push stores nothing new), moves the resident's session window,
 * and answers at once; the inbound worker hands stored messages to the conversation.
 */
@Injectable()
export class ChatPushService {
  private readonly logger = new Logger('WechatPush');
  private lastReceivedMs = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly endpoint: WechatEndpoint,
    private readonly clock: ClockService,
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(ChatSessionRow) private readonly chatSessions: Repository<ChatSessionRow>,
  ) {}

  private crypt(): WechatMsgCrypt {
    const { token, encodingAesKey } = this.config.wechatPush;
    if (!token) throw new AppException(ErrorCode.UNAUTHENTICATED, '未配置微信消息推送');
    // Plain mode needs only the token; a placeholder key keeps one object for both modes.
    return new WechatMsgCrypt(token, encodingAesKey ?? 'A'.repeat(43), this.endpoint.appid);
  }

  /** GET: WeChat checks the URL. The echostr goes back as plain text when the signature verifies. */
  verifyUrl(query: PushQuery): string {
    const crypt = this.crypt();
    const { timestamp = '', nonce = '', echostr } = query;
    if (typeof echostr !== 'string' || echostr === '') throw refused();
    if (query.msg_signature && this.config.wechatPush.encodingAesKey) {
      // Safe mode as WeCom and some platforms do it: an encrypted echostr, signed with msg_signature.
      if (!crypt.verifyEncrypted(query.msg_signature, timestamp, nonce, echostr)) throw refused();
      return this.decrypt(crypt, echostr);
    }
    if (!crypt.verify(query.signature, timestamp, nonce)) throw refused();
    return echostr;
  }

  /** POST: verify, store once, answer. Returns the body to answer WeChat with and its content type. */
  async receive(query: PushQuery, raw: string): Promise<{ body: string; contentType: string }> {
    const crypt = this.crypt();
    const { timestamp = '', nonce = '' } = query;
    const outer = parsePushBody(raw);
    if (!outer) {
      // An unsigned request learns nothing about why: the signature is checked first.
      if (!crypt.verify(query.signature, timestamp, nonce)) throw refused();
      throw new AppException(ErrorCode.VALIDATION_FAILED, '无法解析的推送消息');
    }
    const safe =
      query.encrypt_type === 'aes' ||
      query.msg_signature !== undefined ||
      outer.fields.Encrypt !== undefined;
    let fields: PushFields;
    let format = outer.format;
    if (safe) {
      const encrypted = outer.fields.Encrypt;
      if (
        !encrypted ||
        !this.config.wechatPush.encodingAesKey ||
        !crypt.verifyEncrypted(query.msg_signature, timestamp, nonce, encrypted)
      )
        throw refused();
      const inner = parsePushBody(this.decrypt(crypt, encrypted));
      if (!inner) throw new AppException(ErrorCode.VALIDATION_FAILED, '无法解析的推送消息');
      fields = inner.fields;
      format = inner.format;
    } else {
      if (!crypt.verify(query.signature, timestamp, nonce)) throw refused();
      fields = outer.fields;
    }

    const inbound = toChatInbound(fields);
    const transfer =
      this.config.wechatPush.handover === 'transfer' &&
      inbound !== null &&
      inbound.kind !== 'enter';
    if (inbound) await this.store(inbound, transfer);
    if (!transfer) return { body: 'success', contentType: 'text/plain; charset=utf-8' };

    // Hand-over to WeChat's own customer-service tools (客服消息转发): a transfer_customer_service reply.
    const reply = formatReply(format, {
      ToUserName: fields.FromUserName ?? '',
      FromUserName: fields.ToUserName ?? '',
      CreateTime: String(Math.floor(this.clock.now().getTime() / 1000)),
      MsgType: 'transfer_customer_service',
    });
    const contentType =
      format === 'json' ? 'application/json; charset=utf-8' : 'application/xml; charset=utf-8';
    if (!safe) return { body: reply, contentType };
    const replyNonce = randomBytes(8).toString('hex');
    const replyTs = String(Math.floor(this.clock.now().getTime() / 1000));
    const encrypted = crypt.encrypt(reply);
    const envelope = {
      Encrypt: encrypted,
      MsgSignature: crypt.signEncrypted(replyTs, replyNonce, encrypted),
      TimeStamp: replyTs,
      Nonce: replyNonce,
    };
    return { body: formatReply(format, envelope), contentType };
  }

  private decrypt(crypt: WechatMsgCrypt, encrypted: string): string {
    try {
      return crypt.decrypt(encrypted);
    } catch (err) {
      if (err instanceof WechatCryptoError && err.reason === 'appid')
        throw new AppException(ErrorCode.FORBIDDEN, '推送消息不是发给本小程序的');
      throw refused();
    }
  }

  /** Stores the message once and moves the window to it; a repeated push (same key) changes nothing. */
  async store(inbound: ChatInbound, handedOver: boolean): Promise<boolean> {
    // Strictly increasing within this instance, so two pushes in one millisecond (or under a frozen demo
    // clock) keep the order they arrived in: the inbound worker hands a resident's messages over in it.
    const now = this.clock.now();
    const receivedAt = new Date(Math.max(now.getTime(), this.lastReceivedMs + 1));
    this.lastReceivedMs = receivedAt.getTime();
    const { key, openid, kind, sentAt, ...content } = inbound;
    const row: ChatInboundRow = {
      id: randomUUID(),
      dedupeKey: key.slice(0, 128),
      openid,
      kind: kind as ChatInboundKind,
      content: Object.fromEntries(
        Object.entries(content).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>,
      sentAt,
      receivedAt,
      // Handed over to WeChat's human agents: kept for the record, not answered by the product.
      status: handedOver ? ChatInboundStatus.Handled : ChatInboundStatus.Pending,
      attempts: 0,
      nextAttemptAt: now,
      claimedBy: null,
      lastError: null,
      handledAt: handedOver ? now : null,
    };
    try {
      const action = kind === 'enter' ? ChatActionKind.Enter : ChatActionKind.Message;
      await this.ensureSession(openid);
      await retryOnDeadlock(() =>
        this.inTransaction(async (db) => {
          await db
            .createQueryBuilder()
            .insert()
            .into(ChatInboundRow)
            .values(row)
            .updateEntity(false)
            .execute();
          await db
            .createQueryBuilder()
            .update(ChatSessionRow)
            .set({ lastActionKind: action, lastActionAt: sentAt, sentSince: 0, updatedAt: now })
            .where('openid = :openid AND lastActionAt <= :at', { openid, at: sentAt })
            .execute();
        }),
      );
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) {
        this.logger.log(`repeated push ${row.dedupeKey}: already stored`);
        return false;
      }
      throw err;
    }
  }

  /**
   * The resident's window row exists before the transaction that moves it: updating a missing row would
   * take InnoDB gap locks that deadlock residents writing at the same moment. A new row holds a closed
   * window (an action long ago), which any real action then replaces.
   */
  private async ensureSession(openid: string): Promise<void> {
    if (await this.chatSessions.exists({ where: { openid } })) return;
    // Through the unit of work: on SQLite a statement issued while another push's transaction is open
    // would join it, and be rolled back with it when that push turns out to be a repeat.
    await retryOnDeadlock(() =>
      this.uow.run(async (db) => {
        await db
          .createQueryBuilder()
          .insert()
          .into(ChatSessionRow)
          .values({
            openid,
            lastActionKind: ChatActionKind.Message,
            lastActionAt: new Date(0),
            sentSince: 0,
            updatedAt: this.clock.now(),
          })
          .orIgnore()
          .updateEntity(false)
          .execute();
      }),
    );
  }

  /** The latest user action defines the window (windows do not accumulate); an older action arriving late changes nothing. READ COMMITTED on MySQL: no gap locks. */
  private inTransaction(work: (db: EntityManager) => Promise<void>): Promise<void> {
    return this.ds.options.type === 'better-sqlite3'
      ? this.uow.run(work)
      : this.ds.transaction('READ COMMITTED', work);
  }
}
