import { NotificationKind } from '@linli/contracts';
import { Outbox } from '../../src/modules/outbox/outbox.service';
import { User } from '../../src/modules/org/entities/user.entity';
import { SubscriptionCredit } from '../../src/modules/outbox/entities/subscription-credit.entity';
import { TestApp } from './test-app';

/** The subscription template the outbox load tests and benchmark configure for 工单进度 messages. */
export const TICKET_UPDATED_TEMPLATE = 'tpl-ticket-updated';

/**
 * Queues `count` 工单进度 messages (bodies M0, M1, …) for the demo user `openid` through the real Outbox,
 * after granting that many subscription credits, in one transaction. Returns how many the outbox took
 * (each `enqueue` answers whether it queued a WeChat message).
 */
export async function queueTicketUpdates(
  t: TestApp,
  openid: string,
  count: number,
): Promise<number> {
  const reader = await t.dataSource.getRepository(User).findOneOrFail({ where: { openid } });
  await t.dataSource.getRepository(SubscriptionCredit).insert({
    userId: reader.id,
    templateId: TICKET_UPDATED_TEMPLATE,
    credits: count,
    updatedAt: new Date(),
  });
  let queued = 0;
  await t.dataSource.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const took = await t.app.get(Outbox).enqueue(tx, reader.id, {
        kind: NotificationKind.TicketUpdated,
        title: '工单进度',
        body: `M${i}`,
        ticketCode: `C${i}`,
        ticketId: null,
        at: new Date(),
        urgent: false,
      });
      if (took) queued++;
    }
  });
  return queued;
}
