import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** 数据看板: a company's indicator targets, and reports kept as issued. */
export class DashboardTargetsAndReports1795358600000 implements MigrationInterface {
  name = 'DashboardTargetsAndReports1795358600000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'indicator_targets',
        columns: [
          { name: 'companyId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'targets', type: 'json' },
          { name: 'updatedById', type: 'varchar', length: '36', isNullable: true },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          {
            name: 'FK_indicator_targets_company',
            columnNames: ['companyId'],
            referencedTableName: 'company',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_indicator_targets_user',
            columnNames: ['updatedById'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'issued_report',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'communityId', type: 'varchar', length: '36' },
          { name: 'kind', type: 'simple-enum', enum: ['weekly', 'monthly', 'quarterly', 'annual'] },
          { name: 'period', type: 'varchar', length: '10' },
          { name: 'department', type: 'varchar', length: '32', isNullable: true },
          { name: 'scopeKey', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'content', type: 'json' },
          { name: 'workbook', type: 'json' },
          { name: 'issuedById', type: 'varchar', length: '36', isNullable: true },
          { name: 'issuedAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'IDX_issued_report_scope',
            columnNames: ['communityId', 'kind', 'period', 'scopeKey'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          {
            name: 'FK_issued_report_community',
            columnNames: ['communityId'],
            referencedTableName: 'community',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_issued_report_user',
            columnNames: ['issuedById'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('issued_report');
    await db.dropTable('indicator_targets');
  }
}
