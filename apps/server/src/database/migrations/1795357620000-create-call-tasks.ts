import { MigrationInterface, QueryRunner, TableForeignKeyOptions } from 'typeorm';
import { portableTable } from './portable-table';
import { instant, ref } from './column-helpers';

const fk = (
  name: string,
  column: string,
  table: string,
  onDelete = 'CASCADE',
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/** Phone calls staff owe people WeChat could not reach with an emergency's news. */
export class CreateCallTasks1795357620000 implements MigrationInterface {
  name = 'CreateCallTasks1795357620000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'call_task',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('communityId'),
          ref('ticketId', true),
          ref('calleeId', true),
          { name: 'calleeName', type: 'varchar', length: '50' },
          { name: 'calleePhone', type: 'varchar', length: '20', isNullable: true },
          ref('callerId', true),
          { name: 'reason', type: 'varchar', length: '100' },
          { name: 'status', type: 'simple-enum', enum: ['open', 'done'] },
          instant('createdAt'),
          instant('doneAt', true),
          ref('doneById', true),
          { name: 'outcome', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [
          { name: 'IDX_call_task_caller', columnNames: ['callerId', 'status', 'createdAt'] },
          { name: 'IDX_call_task_community', columnNames: ['communityId', 'status', 'createdAt'] },
        ],
        foreignKeys: [
          fk('FK_call_task_community', 'communityId', 'community'),
          fk('FK_call_task_ticket', 'ticketId', 'ticket'),
          fk('FK_call_task_callee', 'calleeId', 'user', 'SET NULL'),
          fk('FK_call_task_caller', 'callerId', 'user', 'SET NULL'),
          fk('FK_call_task_done_by', 'doneById', 'user', 'SET NULL'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('call_task');
  }
}
