import {
  CampaignStatus,
  CareOccasion,
  CareRoutes,
  GiftLineDto,
  GiftStatus,
  Page,
  RecipientStatus,
  SkipReason,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { CareCampaign } from '../src/modules/care/entities/care-campaign.entity';
import { CareRecipient } from '../src/modules/care/entities/care-recipient.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { addAssistant } from './support/builders';
import { bearer, loginOpenid } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The assistant's gift list pages (issue #16, docs/paging.md): the gifts still to hand over come whole on
 * the first page; the rest (handed over, declined, visits) newest sent first by (sentAt, id), a cursor
 * continuing them only. A campaign's recipients all carry the fan-out's instant, so most rows share a
 * timestamp and the id alone orders them across page boundaries.
 */
let t: TestApp;
let token: string;
const T1 = new Date('2026-09-20T01:00:00Z'); // 中秋 campaign: 30 households, one instant
const T2 = new Date('2026-06-10T01:00:00Z'); // 端午 visits: 30 households, one instant
const prepared: string[] = [];
/** The lines after the gifts still to hand over, in the order the list must give them. */
let rest: CareRecipient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.dataSource;
  const [demo] = await db.getRepository(Building).find({ take: 1 });
  const building = await db
    .getRepository(Building)
    .save({ id: randomUUID(), communityId: demo.communityId, name: '99栋', sortOrder: 99 });
  const households: Household[] = [];
  for (let i = 1; i <= 30; i++) {
    const room = await db.getRepository(Room).save({
      id: randomUUID(),
      buildingId: building.id,
      unit: '1',
      number: `${100 + i}`,
      label: `99栋1单元${100 + i}室`,
    });
    households.push(
      await db.getRepository(Household).save({ id: randomUUID(), roomId: room.id, createdAt: T2 }),
    );
  }
  const campaign = (title: string, channels: CareCampaign['channels'], giftName: string | null) =>
    db.getRepository(CareCampaign).save({
      id: randomUUID(),
      communityId: demo.communityId,
      occasion: CareOccasion.MidAutumn,
      title,
      occasionDate: '2026-09-25',
      audience: { segments: [], buildingIds: [building.id] },
      greeting: '节日快乐',
      imageUrl: null,
      channels,
      sendAt: null,
      giftName,
      giftStock: null,
      status: CampaignStatus.Sent,
      ownerId: null,
      targeted: 30,
      nextCheckAt: null,
      createdAt: T2,
      finishedAt: T1,
    } as CareCampaign);
  const gifts = await campaign('中秋节', { card: true, wechat: false, visit: false }, '月饼');
  const visits = await campaign('端午节', { card: false, wechat: true, visit: true }, null);
  const cardsOnly = await campaign('重阳节', { card: true, wechat: false, visit: false }, null);
  const row = (c: CareCampaign, h: Household, sentAt: Date, giftStatus: GiftStatus | null) =>
    ({
      id: randomUUID(),
      campaignId: c.id,
      householdId: h.id,
      buildingId: building.id,
      status: RecipientStatus.Sent,
      skipReason: null,
      sentAt,
      openedAt: null,
      giftStatus,
      giftNote: null,
      giftPhotoIds: null,
      giftAt: giftStatus === GiftStatus.Prepared ? null : sentAt,
      giftById: null,
    }) as CareRecipient;
  const rows: CareRecipient[] = [];
  households.forEach((h, i) => {
    const gift = i < 3 ? GiftStatus.Prepared : i % 2 ? GiftStatus.Delivered : GiftStatus.Declined;
    rows.push(row(gifts, h, T1, gift), row(visits, h, T2, null), row(cardsOnly, h, T1, null));
  });
  // Not in the list: a household the fan-out skipped for the visits (rows[1]: no greeting went).
  rows[1] = { ...rows[1], status: RecipientStatus.Skipped, skipReason: SkipReason.Renovation };
  await db.getRepository(CareRecipient).insert(rows);
  const shown = rows.filter(
    (r) => r.status === RecipientStatus.Sent && r.campaignId !== cardsOnly.id,
  );
  prepared.push(...shown.filter((r) => r.giftStatus === GiftStatus.Prepared).map((r) => r.id));
  rest = shown
    .filter((r) => r.giftStatus !== GiftStatus.Prepared)
    .sort((a, b) => b.sentAt!.getTime() - a.sentAt!.getTime() || (a.id < b.id ? 1 : -1));
  const assistant = await addAssistant(t, '孙管家', ['99栋']);
  token = (await loginOpenid(t, assistant.openid!)).token;
});
afterAll(() => t?.close());

const page = async (query: Record<string, string | number>) =>
  (await t.http().get(CareRoutes.gifts).query(query).set(bearer(token)).expect(200))
    .body as Page<GiftLineDto>;

/** Every page from the first, following the cursors. */
async function walk(limit: number): Promise<Page<GiftLineDto>[]> {
  const pages = [await page({ limit })];
  while (pages[pages.length - 1].nextCursor && pages.length < 100)
    pages.push(await page({ limit, cursor: pages[pages.length - 1].nextCursor! }));
  return pages;
}

it('gives the gifts still to hand over whole on the first page, then the rest a page at a time', async () => {
  expect(prepared).toHaveLength(3);
  expect(rest).toHaveLength(56); // 27 handed over or declined + 29 visits; the skipped one and the card-only campaign are not lines
  const pages = await walk(7);
  const first = pages[0].items;
  expect(first.slice(0, 3).map((l) => l.gift?.status)).toEqual(Array(3).fill(GiftStatus.Prepared));
  expect(new Set(first.slice(0, 3).map((l) => l.id))).toEqual(new Set(prepared));
  expect(first).toHaveLength(3 + 7);
  // The pages after the first continue the rest only: nothing still to hand over comes twice.
  for (const p of pages.slice(1))
    expect(p.items.filter((l) => l.gift?.status === GiftStatus.Prepared)).toEqual([]);
  // Rows of one instant (a whole campaign) are neither lost nor repeated across page boundaries.
  const after = pages.flatMap((p, i) => (i === 0 ? p.items.slice(3) : p.items)).map((l) => l.id);
  expect(after).toEqual(rest.map((r) => r.id));
  // 56 = 8 × 7: the last page is full and carries no cursor (the server read one row more to know).
  expect(pages).toHaveLength(8);
  expect(pages[7].items).toHaveLength(7);
  expect(pages.map((p) => p.nextCursor === null)).toEqual([...Array(7).fill(false), true]);
  expect(pages[0].items.find((l) => l.campaignTitle === '端午节')).toBeUndefined(); // older, on later pages
});

it('a short last page carries no cursor, and a page boundary inside one instant loses nothing', async () => {
  // 56 = 19 + 19 + 18: the boundaries fall inside the 中秋 instant (27 lines) and the 端午 one (29).
  const pages = await walk(19);
  expect(pages.map((p) => p.items.length)).toEqual([3 + 19, 19, 18]);
  expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
  const after = pages.flatMap((p, i) => (i === 0 ? p.items.slice(3) : p.items)).map((l) => l.id);
  expect(after).toEqual(rest.map((r) => r.id));
  expect(new Set(after).size).toBe(56);
});

it('everything on one page when the page is large enough; a bad cursor or limit is a 400', async () => {
  const all = await page({ limit: 100 });
  expect(all.items).toHaveLength(59);
  expect(all.nextCursor).toBeNull();
  const bad = await t
    .http()
    .get(CareRoutes.gifts)
    .query({ cursor: 'not-a-cursor' })
    .set(bearer(token))
    .expect(400);
  expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  await t.http().get(CareRoutes.gifts).query({ limit: 101 }).set(bearer(token)).expect(400);
});
