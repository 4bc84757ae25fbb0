/**
 * Benchmark: one festival campaign's fan-out to BENCH_HOUSEHOLDS households (default 100,000) on MariaDB.
 *
 *   LINLI_TEST_DB=mysql BENCH_HOUSEHOLDS=100000 pnpm --filter @linli/server bench:care
 *
 * A fresh database migrated and seeded by the real app (TEST_DATABASE_URL's server); then a building
 * with BENCH_HOUSEHOLDS rooms, one household and one owner each (a mini-program user with one WeChat
 * subscription for care greetings), inserted in bulk. A campaign to the whole community (greeting card
 * and WeChat) is scheduled and the real fan-out (CareFanout.sweep, rounds as the timer would run them)
 * works it off: "enqueue time" is from the first round to the campaign being sent (every card written,
 * every WeChat message in the outbox). Then the real outbox worker delivers to the local WeChat server:
 * "delivery rate" is messages per second over the whole drain. Memory is the process's peak RSS,
 * sampled every 100 ms. Writes bench/results/care-fanout.md.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CampaignStatus,
  CareOccasion,
  MemberRole,
  NotificationKind,
  RecipientStatus,
  Role,
} from '@linli/contracts';
import { CareFanout } from '../src/modules/care/care-fanout.service';
import { CareCampaign } from '../src/modules/care/entities/care-campaign.entity';
import { CareRecipient } from '../src/modules/care/entities/care-recipient.entity';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { OutboxMessage, OutboxStatus } from '../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../src/modules/outbox/entities/subscription-credit.entity';
import { OutboxWorker } from '../src/modules/outbox/outbox-worker.service';
import { createTestApp } from '../test/support/test-app';

const N = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const CHUNK = 1000;

async function main(): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const t = await createTestApp();
  try {
    // Business hours (10:00 China time), so quiet hours do not hold the greeting back.
    const now = new Date('2026-09-20T02:00:00Z');
    t.clock.set({ now, freeze: true });
    const db = t.dataSource;
    const communityId = (await db.getRepository(Building).findOneByOrFail({ name: '1栋' }))
      .communityId;
    const building = { id: randomUUID(), communityId, name: '压测楼', sortOrder: 99 };
    await db.getRepository(Building).insert(building);
    const template = t.config.outbox.templates[NotificationKind.CareGreeting]!.id;
    const setupStart = Date.now();
    for (let i = 0; i < N; i += CHUNK) {
      const size = Math.min(CHUNK, N - i);
      const rooms = Array.from({ length: size }, (_, j) => ({
        id: randomUUID(),
        buildingId: building.id,
        unit: `${Math.floor((i + j) / 1000) + 1}单元`,
        number: String(((i + j) % 1000) + 1),
        label: `压测楼${i + j + 1}室`,
      }));
      const households = rooms.map((r) => ({ id: randomUUID(), roomId: r.id, createdAt: now }));
      const users = households.map((h, j) => ({
        id: randomUUID(),
        openid: `bench-${i + j}`,
        name: '住户',
        phone: null,
        role: Role.Resident,
        householdId: h.id,
        communityId,
        createdAt: now,
      }));
      await db.createQueryBuilder().insert().into(Room).values(rooms).execute();
      await db.createQueryBuilder().insert().into(Household).values(households).execute();
      await db.createQueryBuilder().insert().into(User).values(users).execute();
      await db
        .createQueryBuilder()
        .insert()
        .into(HouseholdMember)
        .values(
          households.map((h, j) => ({
            id: randomUUID(),
            householdId: h.id,
            name: '住户',
            role: MemberRole.Owner,
            relationship: '本人',
            phone: null,
            idNumber: null,
            moveInDate: null,
            userId: users[j].id,
            createdAt: now,
            removedAt: null,
          })),
        )
        .execute();
      await db
        .createQueryBuilder()
        .insert()
        .into(SubscriptionCredit)
        .values(
          users.map((u) => ({ userId: u.id, templateId: template, credits: 1, updatedAt: now })),
        )
        .execute();
    }
    const setupSeconds = (Date.now() - setupStart) / 1000;
    const campaign = {
      id: randomUUID(),
      communityId,
      occasion: CareOccasion.MidAutumn,
      title: '中秋节',
      occasionDate: '2026-09-25',
      audience: { buildingIds: [building.id], segments: [] },
      greeting: '花好月圆，人月两团圆。物业服务中心祝您中秋快乐、阖家幸福！',
      imageUrl: null,
      channels: { card: true, wechat: true, visit: false },
      sendAt: now,
      giftName: null,
      giftStock: null,
      status: CampaignStatus.Scheduled,
      ownerId: null,
      targeted: 0,
      nextCheckAt: now,
      createdAt: now,
      finishedAt: null,
    };
    await db.getRepository(CareCampaign).insert(campaign);

    const fanout = t.app.get(CareFanout);
    const enqueueStart = Date.now();
    let rounds = 0;
    for (;;) {
      rounds += 1;
      await fanout.sweep();
      const c = await db.getRepository(CareCampaign).findOneByOrFail({ id: campaign.id });
      if (c.status === CampaignStatus.Sent) break;
      if (rounds > 10_000) throw new Error('fan-out did not finish');
    }
    const enqueueSeconds = (Date.now() - enqueueStart) / 1000;
    const sent = await db
      .getRepository(CareRecipient)
      .count({ where: { campaignId: campaign.id, status: RecipientStatus.Sent } });
    const queued = await db
      .getRepository(OutboxMessage)
      .count({ where: { kind: NotificationKind.CareGreeting } });
    const rssAfterEnqueue = peakRss;

    const worker = t.app.get(OutboxWorker);
    const drainStart = Date.now();
    for (;;) {
      await worker.drain();
      const left = await db
        .getRepository(OutboxMessage)
        .count({ where: { kind: NotificationKind.CareGreeting, status: OutboxStatus.Pending } });
      if (left === 0) break;
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const delivered = await db
      .getRepository(OutboxMessage)
      .count({ where: { kind: NotificationKind.CareGreeting, status: OutboxStatus.Sent } });

    const mb = (b: number) => Math.round(b / 1024 / 1024);
    const lines = [
      '# Care fan-out benchmark',
      '',
      `Run ${new Date().toISOString()} on ${process.platform}, Node ${process.version}, MariaDB (TEST_DATABASE_URL), shared 2-core machine (other builds running).`,
      '',
      '| households | setup (bulk insert) | enqueue (fan-out rounds) | rate | rounds | greetings sent | WeChat queued | delivery to local WeChat | rate | delivered | peak RSS after enqueue | peak RSS |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${N} | ${setupSeconds.toFixed(1)} s | ${enqueueSeconds.toFixed(1)} s | ${Math.round(sent / enqueueSeconds)} households/s | ${rounds} | ${sent} | ${queued} | ${drainSeconds.toFixed(1)} s | ${Math.round(delivered / drainSeconds)} msg/s | ${delivered} | ${mb(rssAfterEnqueue)} MB | ${mb(peakRss)} MB |`,
      '',
      'Enqueue: from the first round to the campaign being sent; each round works at most 25 transactions of 200 households',
      'per campaign (5,000 households), every recipient row moved pending → sent under its own conditional UPDATE, its card',
      'and its outbox row written in the same transaction. Delivery: the real outbox worker (8 deliveries in flight) to the',
      'local WeChat server answering at once.',
      '',
    ];
    const out = path.join(__dirname, 'results', 'care-fanout.md');
    writeFileSync(out, lines.join('\n'));
    process.stdout.write(`${lines.join('\n')}\nwritten to ${out}\n`);
  } finally {
    clearInterval(sampler);
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
    process.exit(1);
  },
);
