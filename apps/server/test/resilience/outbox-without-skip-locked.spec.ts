import { NotificationKind } from '@linli/contracts';
import { In } from 'typeorm';
import { User } from '../../src/modules/org/entities/user.entity';
import {
  OutboxMessage,
  OutboxStatus,
} from '../../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../../src/modules/outbox/entities/subscription-credit.entity';
import { OutboxWorker } from '../../src/modules/outbox/outbox-worker.service';
import { Outbox } from '../../src/modules/outbox/outbox.service';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const MESSAGES = 600;

jest.setTimeout(180_000);

/**
 * The fallback for MySQL-compatible databases without SKIP LOCKED (docs/deployment.md: TiDB):
 * LINLI_DB_SKIP_LOCKED=0 claims with a compare-and-set UPDATE alone. Two instances draining one outbox
 * at once on MariaDB, with small batches so they keep reaching for the same rows: each message exactly once.
 */
describe('the outbox claim without SKIP LOCKED, on two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      LINLI_DB_SKIP_LOCKED: '0',
      LINLI_OUTBOX_BATCH_SIZE: '10',
      LINLI_QUIET_HOURS: '00:00-00:00',
    };
    a = await createTestApp({ database: db, env });
    b = await createTestApp({ database: db, env });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('delivers each message exactly once', async () => {
    expect(a.config.outbox.skipLocked).toBe(false);
    const reader = await a.dataSource
      .getRepository(User)
      .findOneByOrFail({ openid: 'demo-assistant' });
    const template = a.config.outbox.templates[NotificationKind.TicketUpdated]!.id;
    await a.dataSource.getRepository(SubscriptionCredit).insert({
      userId: reader.id,
      templateId: template,
      credits: MESSAGES,
      updatedAt: new Date(),
    });
    await a.dataSource.transaction(async (tx) => {
      for (let i = 0; i < MESSAGES; i++) {
        await a.app.get(Outbox).enqueue(tx, reader.id, {
          kind: NotificationKind.TicketUpdated,
          title: '工单进度',
          body: `K${i}`,
          ticketCode: `C${i}`,
          ticketId: null,
          at: new Date(),
          urgent: false,
        });
      }
    });
    const [x, y] = await Promise.all([
      a.app.get(OutboxWorker).drain(),
      b.app.get(OutboxWorker).drain(),
    ]);
    expect(x.sent + y.sent).toBe(MESSAGES);
    // Both instances really took part.
    expect(x.sent).toBeGreaterThan(0);
    expect(y.sent).toBeGreaterThan(0);
    const bodies = [a, b]
      .flatMap((t) => t.wechat.local!.delivered)
      .map((d) => d.data.thing3?.value)
      .filter((v) => v?.startsWith('K'));
    expect(bodies).toHaveLength(MESSAGES);
    expect(new Set(bodies).size).toBe(MESSAGES);
    expect(
      await a.dataSource
        .getRepository(OutboxMessage)
        .countBy({ userId: reader.id, status: In([OutboxStatus.Pending, OutboxStatus.Sending]) }),
    ).toBe(0);
  });
});
