import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** A company's own numbers for the time-limit policies of docs/domain-rules.md §6. */
export class CreateSlaPolicyOverrides1795358100000 implements MigrationInterface {
  name = 'CreateSlaPolicyOverrides1795358100000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'sla_policy_override',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'companyId', type: 'varchar', length: '36' },
          { name: 'policyCode', type: 'varchar', length: '40' },
          { name: 'milestones', type: 'json' },
          { name: 'updatedById', type: 'varchar', length: '36', isNullable: true },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'IDX_sla_policy_override_company_code',
            columnNames: ['companyId', 'policyCode'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          {
            name: 'FK_sla_policy_override_company',
            columnNames: ['companyId'],
            referencedTableName: 'company',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_sla_policy_override_user',
            columnNames: ['updatedById'],
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
    await db.dropTable('sla_policy_override');
  }
}
