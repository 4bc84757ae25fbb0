import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** Rate-limit counters (login, ticket submit, join requests, release-slip checks) kept in the database, so every instance shares them. */
export class CreateRateLimitBuckets1795358400000 implements MigrationInterface {
  name = 'CreateRateLimitBuckets1795358400000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'rate_limit_bucket',
        columns: [
          { name: 'bucket', type: 'varchar', length: '120', isPrimary: true },
          { name: 'hits', type: 'int' },
          { name: 'windowEndsAt', type: 'datetime', precision: 3 },
          { name: 'blockedUntil', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [{ name: 'IDX_rate_limit_bucket_window', columnNames: ['windowEndsAt'] }],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('rate_limit_bucket');
  }
}
