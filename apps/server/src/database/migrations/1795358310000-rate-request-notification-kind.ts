import { MigrationInterface, QueryRunner } from 'typeorm';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

const KINDS = ['ticket_assigned', 'ticket_updated', 'sla_warning', 'sla_escalated', 'notice'];

/**
 * "Please rate" (issue #11) as a kind of notification and of WeChat subscribe message, so it has its own
 * template (LINLI_WECHAT_TEMPLATES.rate_request) and the resident's own consent. SQLite rebuilds the
 * tables (foreign keys off, outside a transaction). Reverting turns such messages back into the
 * progress messages they were before ("ticket_updated") rather than deleting anyone's inbox.
 */
export class RateRequestNotificationKind1795358310000 implements MigrationInterface {
  name = 'RateRequestNotificationKind1795358310000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await setEnum(db, 'notification', 'kind', [...KINDS, 'rate_request']);
      await setEnum(db, 'outbox_message', 'kind', [...KINDS, 'rate_request']);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.query(
        `UPDATE \`notification\` SET \`kind\` = 'ticket_updated' WHERE \`kind\` = 'rate_request'`,
      );
      await db.query(
        `UPDATE \`outbox_message\` SET \`kind\` = 'ticket_updated' WHERE \`kind\` = 'rate_request'`,
      );
      await setEnum(db, 'outbox_message', 'kind', KINDS);
      await setEnum(db, 'notification', 'kind', KINDS);
    });
  }
}
