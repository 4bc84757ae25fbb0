import { MigrationInterface, QueryRunner } from 'typeorm';
import { enumToVarchar, setEnum, withForeignKeysOff } from './sqlite-rebuild';

/** The values at this migration, for the way back. */
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
  'outage_close',
  'escalation_slip',
  'work_order',
  'work_order_done',
  'reclassify',
  'reject_extension',
  'chase',
  'urge',
];
const KINDS = [
  'ticket_assigned',
  'ticket_updated',
  'sla_warning',
  'sla_escalated',
  'notice',
  'rate_request',
  'survey_invite',
  'care_greeting',
];

/** The columns whose set of values grows with the product: a ticket event's action, a message's kind. */
const GROWING: [table: string, column: string, values: string[]][] = [
  ['ticket_event', 'action', ACTIONS],
  ['notification', 'kind', KINDS],
  ['outbox_message', 'kind', KINDS],
];

/**
 * Issue #17: every new ticket action or message kind used to need a migration that re-listed the whole
 * enum (and on SQLite rebuilt the table). These columns become varchar(40); the entities check the value
 * against the contracts' enum on every write (CheckedCodeColumn), so a new value is a code change only.
 * Reverting refuses, rather than deletes, rows whose value the old enum does not know.
 */
export class GrowingEnumsAsVarchar1795450000000 implements MigrationInterface {
  name = 'GrowingEnumsAsVarchar1795450000000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      for (const [table, column] of GROWING) await enumToVarchar(db, table, column, 40);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      for (const [table, column, values] of [...GROWING].reverse()) {
        const placeholders = values.map(() => '?').join(',');
        const [{ n }] = (await db.query(
          `SELECT COUNT(*) AS n FROM \`${table}\` WHERE \`${column}\` NOT IN (${placeholders})`,
          values,
        )) as { n: number | string }[];
        if (Number(n) > 0)
          throw new Error(
            `${Number(n)} rows of ${table}.${column} have values this schema's enum does not know; migrate them first`,
          );
        await setEnum(db, table, column, values);
      }
    });
  }
}
