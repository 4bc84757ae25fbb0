import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * 数据看板's open load (a community's open tickets now) read every ticket the community ever had through
 * IDX_ticket_community_created: 5.9 s for 156 open tickets among 50,000 on MariaDB
 * (bench/results/dashboard-1m.md). This index answers it from the open ones only.
 */
export class TicketCommunityStatusIndex1795420060000 implements MigrationInterface {
  name = 'TicketCommunityStatusIndex1795420060000';

  async up(db: QueryRunner): Promise<void> {
    await db.createIndex(
      'ticket',
      new TableIndex({
        name: 'IDX_ticket_community_status',
        columnNames: ['communityId', 'status'],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropIndex('ticket', 'IDX_ticket_community_status');
  }
}
