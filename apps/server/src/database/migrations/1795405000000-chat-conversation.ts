import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** The resident's customer-service conversation: where each one stands, and every message in and out (linked to its ticket). */
export class ChatConversation1795405000000 implements MigrationInterface {
  name = 'ChatConversation1795405000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'chat_conversation',
        columns: [
          { name: 'openid', type: 'varchar', length: '64', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isNullable: true },
          { name: 'householdId', type: 'varchar', length: '36', isNullable: true },
          { name: 'state', type: 'json' },
          { name: 'fallbacksInARow', type: 'int', default: 0 },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'chat_message',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'openid', type: 'varchar', length: '64' },
          { name: 'householdId', type: 'varchar', length: '36', isNullable: true },
          { name: 'ticketId', type: 'varchar', length: '36', isNullable: true },
          { name: 'direction', type: 'simple-enum', enum: ['in', 'out'] },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'text', type: 'varchar', length: '600' },
          { name: 'card', type: 'json', isNullable: true },
          { name: 'authorId', type: 'varchar', length: '36', isNullable: true },
          {
            name: 'delivery',
            type: 'simple-enum',
            enum: ['received', 'chat', 'notification', 'undelivered'],
          },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_chat_message_openid', columnNames: ['openid', 'createdAt'] },
          { name: 'IDX_chat_message_ticket', columnNames: ['ticketId', 'createdAt'] },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('chat_message');
    await db.dropTable('chat_conversation');
  }
}
