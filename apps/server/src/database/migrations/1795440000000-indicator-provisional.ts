import { MigrationInterface, QueryRunner } from 'typeorm';
import { fk, instant, ref, text } from './column-helpers';
import { portableTable } from './portable-table';

/**
 * 数据看板: the open months' provisional figures per community, stored every LINLI_DASHBOARD_REFRESH_MINUTES
 * and replaced on the next round, so opening the month still running does not compute it over 1,000,000
 * tickets (bench/results/dashboard-1m.md). A table of their own: never confused with a frozen month's
 * indicator_snapshot, which is kept for good.
 */
export class IndicatorProvisional1795440000000 implements MigrationInterface {
  name = 'IndicatorProvisional1795440000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'indicator_provisional',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('communityId'),
          text('scopeKey', 32),
          text('month', 7),
          text('targetsKey', 16),
          instant('asOf'),
          { name: 'figures', type: 'json' },
          instant('computedAt'),
        ],
        indices: [
          {
            name: 'IDX_indicator_provisional_scope',
            columnNames: ['communityId', 'scopeKey', 'month', 'targetsKey'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          fk('FK_indicator_provisional_community', 'communityId', 'community', 'CASCADE'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('indicator_provisional');
  }
}
