import { MigrationInterface, QueryRunner } from 'typeorm';
import { fk, instant, ref, text } from './column-helpers';
import { portableTable } from './portable-table';

/**
 * 数据看板: a closed month's figures per community (or department), computed once at the month's freeze
 * and kept, so the six-month trend over 1,000,000 tickets does not read six months of history on every
 * open (bench/results/dashboard-1m.md).
 */
export class IndicatorSnapshots1795420120000 implements MigrationInterface {
  name = 'IndicatorSnapshots1795420120000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'indicator_snapshot',
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
            name: 'IDX_indicator_snapshot_scope',
            columnNames: ['communityId', 'scopeKey', 'month', 'targetsKey'],
            isUnique: true,
          },
        ],
        foreignKeys: [fk('FK_indicator_snapshot_community', 'communityId', 'community', 'CASCADE')],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('indicator_snapshot');
  }
}
