import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** Retention (§12): the retention job's runs, one per day, claimed by their unique key. */
export class RetentionRuns1795420000000 implements MigrationInterface {
  name = 'RetentionRuns1795420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'retention_run',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'runKey', type: 'varchar', length: '10' },
          { name: 'startedAt', type: 'datetime', precision: 3 },
          { name: 'finishedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'cutoff', type: 'datetime', precision: 3 },
          { name: 'years', type: 'int' },
          { name: 'counts', type: 'json', isNullable: true },
        ],
        indices: [{ name: 'IDX_retention_run_key', columnNames: ['runKey'], isUnique: true }],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('retention_run');
  }
}
