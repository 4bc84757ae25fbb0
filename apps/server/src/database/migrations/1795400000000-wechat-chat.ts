import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/**
 * WeChat's customer-service chat: each verified push (deduplicated by MsgId, or sender + time + event)
 * waiting for the conversation's handler, and each resident's session window (latest action, sends since).
 */
export class WechatChat1795400000000 implements MigrationInterface {
  name = 'WechatChat1795400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'wechat_chat_inbound',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'dedupeKey', type: 'varchar', length: '128' },
          { name: 'openid', type: 'varchar', length: '64' },
          {
            name: 'kind',
            type: 'simple-enum',
            enum: ['text', 'image', 'miniprogrampage', 'enter'],
          },
          { name: 'content', type: 'json' },
          { name: 'sentAt', type: 'datetime', precision: 3 },
          { name: 'receivedAt', type: 'datetime', precision: 3 },
          { name: 'status', type: 'simple-enum', enum: ['pending', 'handling', 'handled', 'dead'] },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'nextAttemptAt', type: 'datetime', precision: 3 },
          { name: 'claimedBy', type: 'varchar', length: '64', isNullable: true },
          { name: 'lastError', type: 'varchar', length: '200', isNullable: true },
          { name: 'handledAt', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_wechat_chat_inbound_key', columnNames: ['dedupeKey'], isUnique: true },
          { name: 'IDX_wechat_chat_inbound_status_next', columnNames: ['status', 'nextAttemptAt'] },
          { name: 'IDX_wechat_chat_inbound_openid', columnNames: ['openid', 'sentAt'] },
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'wechat_chat_session',
        columns: [
          { name: 'openid', type: 'varchar', length: '64', isPrimary: true },
          { name: 'lastActionKind', type: 'simple-enum', enum: ['message', 'enter'] },
          { name: 'lastActionAt', type: 'datetime', precision: 3 },
          { name: 'sentSince', type: 'int', default: 0 },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('wechat_chat_session');
    await db.dropTable('wechat_chat_inbound');
  }
}
