import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

const KINDS = ['ticket_assigned', 'ticket_updated', 'sla_warning', 'sla_escalated'];
const STATUSES = ['pending', 'sending', 'sent', 'revoked', 'dead'];

/** WeChat subscribe messages: the outbox, the users' one-time subscription credits, and the shared access token. */
export class CreateWechatOutbox1795357500000 implements MigrationInterface {
  name = 'CreateWechatOutbox1795357500000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'outbox_message',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'kind', type: 'simple-enum', enum: KINDS },
          { name: 'templateId', type: 'varchar', length: '64' },
          { name: 'page', type: 'varchar', length: '200', isNullable: true },
          { name: 'data', type: 'json' },
          { name: 'urgent', type: 'boolean', default: 0 },
          { name: 'status', type: 'simple-enum', enum: STATUSES },
          { name: 'attempts', type: 'int', default: 0 },
          // Pending: when it may go; sending: when the claim lapses and another worker may take it.
          { name: 'nextAttemptAt', type: 'datetime', precision: 3 },
          { name: 'claimedBy', type: 'varchar', length: '64', isNullable: true },
          { name: 'lastError', type: 'varchar', length: '200', isNullable: true },
          { name: 'msgid', type: 'varchar', length: '32', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'sentAt', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'IDX_outbox_status_next', columnNames: ['status', 'nextAttemptAt'] },
          { name: 'IDX_outbox_user', columnNames: ['userId', 'createdAt'] },
        ],
        foreignKeys: [
          {
            name: 'FK_outbox_user',
            columnNames: ['userId'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'subscription_credit',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'templateId', type: 'varchar', length: '64', isPrimary: true },
          { name: 'credits', type: 'int', default: 0 },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          {
            name: 'FK_credit_user',
            columnNames: ['userId'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'wechat_token',
        columns: [
          { name: 'id', type: 'varchar', length: '20', isPrimary: true },
          { name: 'token', type: 'varchar', length: '512' },
          { name: 'expiresAt', type: 'datetime', precision: 3 },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('wechat_token');
    await db.dropTable('subscription_credit');
    await db.dropTable('outbox_message');
  }
}
