import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** What residents can report, with its kind, handling department, emergency flag and time-limit policies. Filled by the seed. */
export class CreateTicketCategories1795357260000 implements MigrationInterface {
  name = 'CreateTicketCategories1795357260000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'ticket_category',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '50' },
          {
            name: 'kind',
            type: 'simple-enum',
            enum: ['repair_home', 'repair_common', 'complaint', 'inquiry', 'suggestion', 'praise'],
          },
          {
            name: 'department',
            type: 'simple-enum',
            enum: ['engineering', 'environment', 'security', 'customer_service'],
          },
          { name: 'emergency', type: 'boolean', default: 0 },
          { name: 'sortOrder', type: 'int', default: 0 },
          // Codes of the time-limit policies (docs/domain-rules.md §6) a ticket of this category is timed by.
          { name: 'slaPolicies', type: 'json' },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('ticket_category');
  }
}
