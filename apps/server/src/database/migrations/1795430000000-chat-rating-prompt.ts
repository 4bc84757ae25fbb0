import { MigrationInterface, QueryRunner } from 'typeorm';
import { instant, ref } from './column-helpers';
import { portableTable } from './portable-table';

/** One row per chat ticket whose rating prompt an instance has claimed (the prompt goes once with several instances). */
export class ChatRatingPrompt1795430000000 implements MigrationInterface {
  name = 'ChatRatingPrompt1795430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'chat_rating_prompt',
        columns: [{ ...ref('ticketId'), isPrimary: true }, instant('askedAt')],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('chat_rating_prompt');
  }
}
