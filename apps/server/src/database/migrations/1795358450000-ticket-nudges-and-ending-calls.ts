import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableColumn } from './portable-table';
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
  'escalation_slip',
  'work_order',
  'work_order_done',
];
const PURPOSES = ['accept_ticket', 'tell_resident'];

/**
 * The resident's chase (催办) and the supervisor's urge (督办) on the ticket timeline; phone tasks that
 * end by themselves (call_task.status 'ended', the reason in `outcome`) and say what they ask for
 * (call_task.purpose). Existing tasks get their purpose from the only two texts that created them, and
 * tasks about a ticket that is already finished are ended now, as they would have been.
 */
export class TicketNudgesAndEndingCalls1795358450000 implements MigrationInterface {
  name = 'TicketNudgesAndEndingCalls1795358450000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await setEnum(db, 'ticket_event', 'action', [...ACTIONS, 'chase', 'urge']);
      await setEnum(db, 'call_task', 'status', ['open', 'done', 'ended']);
      await db.addColumn(
        'call_task',
        portableColumn(db, {
          name: 'purpose',
          type: 'simple-enum',
          enum: PURPOSES,
          isNullable: true,
        }),
      );
      await db.query(
        `UPDATE call_task SET purpose = CASE WHEN reason LIKE '紧急工单已派给您%' THEN 'accept_ticket' ELSE 'tell_resident' END`,
      );
      const table = await db.getTable('call_task');
      const old = table?.findColumnByName('purpose');
      if (!table || !old) throw new Error('call_task.purpose is missing');
      const required = old.clone();
      required.isNullable = false;
      await db.changeColumn(table, old, required);
      await db.query(
        `UPDATE call_task SET status = 'ended', outcome = '工单已结束，无需再拨打', doneAt = createdAt
         WHERE status = 'open' AND ticketId IN (SELECT id FROM ticket WHERE status IN ('closed', 'cancelled'))`,
      );
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.query(`UPDATE call_task SET status = 'done' WHERE status = 'ended'`);
      await db.dropColumn('call_task', 'purpose');
      await setEnum(db, 'call_task', 'status', ['open', 'done']);
      await db.query(`DELETE FROM ticket_event WHERE action IN ('chase', 'urge')`);
      await setEnum(db, 'ticket_event', 'action', ACTIONS);
    });
  }
}
