import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableColumn, portableTable } from './portable-table';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

const ACTIONS = [
  'submit',
  'assign',
  'accept',
  'arrive',
  'resolve',
  'confirm',
  'reopen',
  'cancel',
  'hold',
  'resume',
  'transfer',
  'auto_close',
  'sla_warning',
  'escalate',
  'mark_invalid',
  'reply',
  'forward',
  'follow_up',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'reclassify',
  'outage_close',
];
const DEPARTMENTS = ['engineering', 'environment', 'security', 'customer_service'];
const fk = (name: string, column: string, table: string, onDelete: string) => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/** Work orders to departments (工作安排通知单), department heads (user.department), and the timeline actions of escalation slips and work orders. */
export class WorkOrders1795358140000 implements MigrationInterface {
  name = 'WorkOrders1795358140000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.addColumn(
        'user',
        portableColumn(db, {
          name: 'department',
          type: 'simple-enum',
          enum: DEPARTMENTS,
          isNullable: true,
        }),
      );
      await db.createTable(
        portableTable(db, {
          name: 'work_order',
          columns: [
            { name: 'id', type: 'varchar', length: '36', isPrimary: true },
            { name: 'code', type: 'varchar', length: '20' },
            { name: 'communityId', type: 'varchar', length: '36' },
            { name: 'department', type: 'simple-enum', enum: DEPARTMENTS },
            { name: 'ticketId', type: 'varchar', length: '36', isNullable: true },
            { name: 'instructions', type: 'varchar', length: '500' },
            { name: 'dueAt', type: 'datetime', precision: 3 },
            { name: 'status', type: 'simple-enum', enum: ['issued', 'accepted', 'done'] },
            { name: 'issuedById', type: 'varchar', length: '36', isNullable: true },
            { name: 'issuedAt', type: 'datetime', precision: 3 },
            { name: 'acceptedById', type: 'varchar', length: '36', isNullable: true },
            { name: 'acceptedAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'doneAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'result', type: 'varchar', length: '500', isNullable: true },
          ],
          indices: [
            { name: 'IDX_work_order_code', columnNames: ['code'], isUnique: true },
            {
              name: 'IDX_work_order_department',
              columnNames: ['communityId', 'department', 'status'],
            },
            { name: 'IDX_work_order_ticket', columnNames: ['ticketId'] },
          ],
          foreignKeys: [
            fk('FK_work_order_community', 'communityId', 'community', 'CASCADE'),
            fk('FK_work_order_ticket', 'ticketId', 'ticket', 'SET NULL'),
            fk('FK_work_order_issuer', 'issuedById', 'user', 'SET NULL'),
            fk('FK_work_order_acceptor', 'acceptedById', 'user', 'SET NULL'),
          ],
        }),
      );
      await setEnum(db, 'ticket_event', 'action', [
        ...ACTIONS,
        'escalation_slip',
        'work_order',
        'work_order_done',
      ]);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await setEnum(db, 'ticket_event', 'action', ACTIONS);
      await db.dropTable('work_order');
      await db.dropColumn('user', 'department');
    });
  }
}
