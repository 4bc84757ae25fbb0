import {
  CommunityEventDto,
  EventRoutes,
  NoticeDto,
  NoticeRoutes,
  ApiRoutes,
  AudiencePreviewDto,
  AudienceSegment,
  CampaignDto,
  CampaignRecipientDto,
  CampaignStatus,
  CareCalendarDto,
  CareOccasion,
  CareRoutes,
  DemoPersona,
  ErrorCode,
  GiftAction,
  GiftLineDto,
  GiftStatus,
  GreetingCardDto,
  HouseholdDocument,
  MemberRole,
  NotificationKind,
  Page,
  RecipientStatus,
  Role,
  SkipReason,
  TimelineKind,
  UploadDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { CareAudience } from '../src/modules/care/care-audience.service';
import { CareFanout } from '../src/modules/care/care-fanout.service';
import { ClockService } from '../src/modules/clock/clock.service';
import { HouseholdDocumentRecord } from '../src/modules/households/entities/household-document.entity';
import { HouseholdMember } from '../src/modules/households/entities/household-member.entity';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { Outbox } from '../src/modules/outbox/outbox.service';
import { OutboxMessage } from '../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../src/modules/outbox/entities/subscription-credit.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { DataSource } from 'typeorm';
import { addAssistant, addResident, addUser, submitTicket, tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let communityId: string;

// Sunday 2026-09-20, 10:00 China time: Mid-Autumn is on Friday 2026-09-25.
const NOW = new Date('2026-09-20T02:00:00Z');

/** A valid resident ID number born on `birth`. */
function idFor(birth: string): string {
  const body = `110105${birth.replace(/-/g, '')}321`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function member(
  householdId: string,
  name: string,
  role: MemberRole,
  birth: string | null,
  userId: string | null = null,
): Promise<void> {
  await t.dataSource.getRepository(HouseholdMember).insert({
    id: randomUUID(),
    householdId,
    name,
    role,
    relationship: null,
    phone: null,
    idNumber: birth ? idFor(birth) : null,
    moveInDate: '2015-05-01',
    userId,
    createdAt: NOW,
    removedAt: null,
  });
}

const MID_AUTUMN = (overrides: Record<string, unknown> = {}) => ({
  communityId,
  occasion: CareOccasion.MidAutumn,
  audience: { buildingIds: [], segments: [AudienceSegment.Elderly] },
  greeting: '花好月圆，阳光花园祝您中秋快乐、阖家幸福！',
  channels: { card: true, wechat: true, visit: true },
  gift: { name: '月饼礼盒', stock: 2 },
  ...overrides,
});

let residentHousehold: string;
let complainer: User;
let renovator: User;
let elderAlone: User;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  const residentSession = await loginPersona(t, DemoPersona.Resident);
  resident = residentSession.token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const me = await t.dataSource.getRepository(User).findOneByOrFail({ openid: 'demo-resident' });
  residentHousehold = me.householdId!;
  communityId = me.communityId!;
  // 王女士's mother-in-law (76) lives with them: the household counts as one with an elderly person.
  await member(residentHousehold, '王奶奶', MemberRole.Family, '1950-03-12');
  elderAlone = await addResident(t, {
    building: '1栋',
    unit: '1单元',
    number: '102',
    name: '陈爷爷',
  });
  await member(elderAlone.householdId!, '陈爷爷', MemberRole.Owner, '1944-10-02', elderAlone.id);
  complainer = await addResident(t, {
    building: '1栋',
    unit: '1单元',
    number: '201',
    name: '刘阿姨',
  });
  await member(complainer.householdId!, '刘阿姨', MemberRole.Owner, '1958-01-20', complainer.id);
  renovator = await addResident(t, {
    building: '1栋',
    unit: '1单元',
    number: '202',
    name: '周伯伯',
  });
  await member(renovator.householdId!, '周伯伯', MemberRole.Owner, '1960-06-30', renovator.id);
  const young = await addResident(t, {
    building: '2栋',
    unit: '1单元',
    number: '101',
    name: '小吴',
  });
  await member(young.householdId!, '小吴', MemberRole.Tenant, '1995-02-02', young.id);
  // An angry complaint three days ago, still open; renovation works started ten days ago.
  t.clock.set({ now: new Date(NOW.getTime() - 3 * 86_400_000), freeze: true });
  await submitTicket(t, (await loginOpenid(t, complainer.openid!)).token, {
    categoryCode: 'complaint_general',
    description: '楼道垃圾一周没人清理，太不像话了',
  });
  t.clock.set({ now: NOW, freeze: true });
  await t.dataSource.getRepository(HouseholdDocumentRecord).insert({
    id: randomUUID(),
    householdId: renovator.householdId!,
    kind: HouseholdDocument.RenovationStartApplication,
    note: null,
    recordedById: null,
    recordedAt: new Date(NOW.getTime() - 10 * 86_400_000),
  });
  // 王女士 allowed one care greeting on WeChat.
  await t.dataSource.getRepository(SubscriptionCredit).insert({
    userId: me.id,
    templateId: t.config.outbox.templates[NotificationKind.CareGreeting]!.id,
    credits: 1,
    updatedAt: NOW,
  });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
});
afterAll(() => t?.close());

const fanout = () => t.app.get(CareFanout).sweep();

describe('the care calendar', () => {
  it('lists the year’s festivals with lunar dates and what to plan now', async () => {
    const cal = (
      await t
        .http()
        .get(CareRoutes.calendar)
        .query({ communityId, year: 2026 })
        .set(bearer(supervisor))
        .expect(200)
    ).body as CareCalendarDto;
    expect(cal.entries.map((e) => `${e.name} ${e.date}`)).toEqual([
      '元旦 2026-01-01',
      '春节 2026-02-17',
      '元宵节 2026-03-03',
      '妇女节 2026-03-08',
      '母亲节 2026-05-10',
      '儿童节 2026-06-01',
      '端午节 2026-06-19',
      '中秋节 2026-09-25',
      '国庆节 2026-10-01',
      '重阳节 2026-10-18',
    ]);
    // 14 days ahead by default: on 20 September, Mid-Autumn and National Day are due for planning.
    expect(cal.toPlan.map((e) => e.name)).toEqual(['中秋节', '国庆节']);
  });

  it('is the community’s planners’ only', async () => {
    await t
      .http()
      .get(CareRoutes.calendar)
      .query({ communityId })
      .set(bearer(assistant))
      .expect(403);
    await t
      .http()
      .get(CareRoutes.calendar)
      .query({ communityId })
      .set(bearer(resident))
      .expect(403);
    const foreign = await t
      .http()
      .get(CareRoutes.calendar)
      .query({ communityId: randomUUID() })
      .set(bearer(supervisor))
      .expect(403);
    expect(foreign.body.code).toBe(ErrorCode.FORBIDDEN);
  });
});

describe('a Mid-Autumn campaign with a gift for elderly residents', () => {
  let campaign: CampaignDto;

  it('shows the audience’s size before sending, and whom the timing guard holds back and why', async () => {
    const preview = (
      await t
        .http()
        .post(CareRoutes.audiencePreview)
        .set(bearer(supervisor))
        .send({
          communityId,
          audience: { buildingIds: [], segments: [AudienceSegment.Elderly] },
          occasionDate: '2026-09-25',
        })
        .expect(200)
    ).body as AudiencePreviewDto;
    expect(preview.targeted).toBe(4);
    expect(preview.skipped.map((s) => [s.label, s.reason, s.reasonLabel])).toEqual([
      ['1栋1单元201室', SkipReason.OpenComplaint, '有未结投诉'],
      ['1栋1单元202室', SkipReason.Renovation, '正在装修'],
    ]);
    const alone = (
      await t
        .http()
        .post(CareRoutes.audiencePreview)
        .set(bearer(supervisor))
        .send({
          communityId,
          audience: { buildingIds: [], segments: [AudienceSegment.ElderlyAlone] },
        })
        .expect(200)
    ).body as AudiencePreviewDto;
    expect(alone.targeted).toBe(3);
  });

  it('is planned as a draft on the calendar’s date, and nothing is sent yet', async () => {
    campaign = (
      await t
        .http()
        .post(CareRoutes.campaigns)
        .set(bearer(supervisor))
        .send(MID_AUTUMN())
        .expect(201)
    ).body as CampaignDto;
    expect(campaign).toMatchObject({
      title: '中秋节',
      occasionDate: '2026-09-25',
      status: CampaignStatus.Draft,
      statusLabel: '草稿',
      ownerName: '张主任',
      gift: { name: '月饼礼盒', stock: 2 },
    });
    expect(
      await t.dataSource
        .getRepository(Notification)
        .count({ where: { kind: NotificationKind.CareGreeting } }),
    ).toBe(0);
  });

  it('refuses bad input with a code and a Chinese message, writing nothing', async () => {
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM care_campaign');
    const noChannel = await t
      .http()
      .post(CareRoutes.campaigns)
      .set(bearer(supervisor))
      .send(MID_AUTUMN({ channels: { card: false, wechat: false, visit: false } }))
      .expect(400);
    expect(noChannel.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '请至少选择一种关怀方式',
    });
    const custom = await t
      .http()
      .post(CareRoutes.campaigns)
      .set(bearer(supervisor))
      .send(MID_AUTUMN({ occasion: CareOccasion.Custom }))
      .expect(400);
    expect(custom.body.message).toBe('自定义活动请填写名称');
    const badSegment = await t
      .http()
      .post(CareRoutes.campaigns)
      .set(bearer(supervisor))
      .send(MID_AUTUMN({ audience: { buildingIds: [], segments: ['rich'] } }))
      .expect(400);
    expect(badSegment.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    const foreignBuilding = await t
      .http()
      .post(CareRoutes.campaigns)
      .set(bearer(supervisor))
      .send(MID_AUTUMN({ audience: { buildingIds: [randomUUID()], segments: [] } }))
      .expect(400);
    expect(foreignBuilding.body.message).toBe('请选择本小区的楼栋');
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM care_campaign')).toEqual(before);
  });

  it('pressing send only schedules it: the fan-out job sends in the background', async () => {
    const sent = (
      await t.http().post(CareRoutes.send(campaign.id)).set(bearer(supervisor)).send({}).expect(200)
    ).body as CampaignDto;
    expect(sent.status).toBe(CampaignStatus.Scheduled);
    expect(sent.progress.sent).toBe(0);
    await t.http().post(CareRoutes.send(campaign.id)).set(bearer(supervisor)).send({}).expect(409);

    expect(await fanout()).toMatchObject({ campaigns: 1, sent: 2, skipped: 2 });
    const done = (
      await t.http().get(CareRoutes.campaign(campaign.id)).set(bearer(supervisor)).expect(200)
    ).body as CampaignDto;
    expect(done.status).toBe(CampaignStatus.Sent);
    expect(done.progress).toMatchObject({
      targeted: 4,
      pending: 0,
      sent: 2,
      skipped: 2,
      opened: 0,
      giftsDelivered: 0,
      giftsLeft: 0,
      coverage: 0.5,
      coverageTarget: 0.98,
    });
    // The greeting went to the members who use the mini-program, and on WeChat to the one with a subscription.
    const cards = await t.dataSource
      .getRepository(Notification)
      .find({ where: { kind: NotificationKind.CareGreeting } });
    expect(cards.map((c) => c.title)).toEqual(['中秋节问候', '中秋节问候']);
    expect(
      await t.dataSource
        .getRepository(OutboxMessage)
        .count({ where: { kind: NotificationKind.CareGreeting } }),
    ).toBe(1);
  });

  it('lists the skipped households with the reason, never dropping them', async () => {
    const skipped = (
      await t
        .http()
        .get(CareRoutes.recipients(campaign.id))
        .query({ status: RecipientStatus.Skipped })
        .set(bearer(supervisor))
        .expect(200)
    ).body as CampaignRecipientDto[];
    expect(skipped.map((s) => [s.householdLabel, s.skipReasonLabel])).toEqual([
      ['1栋1单元201室', '有未结投诉'],
      ['1栋1单元202室', '正在装修'],
    ]);
  });

  it('the resident opens the greeting card; the first opening counts', async () => {
    const mine = (
      (await t.http().get(CareRoutes.myGreetings).set(bearer(resident)).expect(200))
        .body as Page<GreetingCardDto>
    ).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      title: '中秋节',
      communityName: '阳光花园',
      gift: { name: '月饼礼盒', status: GiftStatus.Prepared, statusLabel: '待发放' },
      openedAt: null,
    });
    const opened = (
      await t
        .http()
        .post(CareRoutes.greeting(mine[0].recipientId))
        .set(bearer(resident))
        .expect(200)
    ).body as GreetingCardDto;
    expect(opened.openedAt).toBe(NOW.toISOString());
    t.clock.set({ now: new Date(NOW.getTime() + 60_000), freeze: true });
    const again = (
      await t
        .http()
        .post(CareRoutes.greeting(mine[0].recipientId))
        .set(bearer(resident))
        .expect(200)
    ).body as GreetingCardDto;
    expect(again.openedAt).toBe(NOW.toISOString());
    // Another household's card is not found; staff cannot open cards.
    const other = await t
      .http()
      .post(CareRoutes.greeting(mine[0].recipientId))
      .set(bearer((await loginOpenid(t, elderAlone.openid!)).token))
      .expect(404);
    expect(other.body.code).toBe(ErrorCode.CARE_RECIPIENT_NOT_FOUND);
    await t
      .http()
      .post(CareRoutes.greeting(mine[0].recipientId))
      .set(bearer(assistant))
      .expect(403);
    const progress = (
      await t.http().get(CareRoutes.campaign(campaign.id)).set(bearer(supervisor)).expect(200)
    ).body as CampaignDto;
    expect(progress.progress.opened).toBe(1);
  });

  it('the assistant delivers the gift with the resident’s signature; picking up and declining need none', async () => {
    const list = (
      (await t.http().get(CareRoutes.gifts).set(bearer(assistant)).expect(200))
        .body as Page<GiftLineDto>
    ).items;
    expect(list.map((l) => [l.householdLabel, l.gift?.status, l.campaignTitle])).toEqual([
      ['1栋1单元101室', GiftStatus.Prepared, '中秋节'],
      ['1栋1单元102室', GiftStatus.Prepared, '中秋节'],
    ]);
    const home = list[0];
    const noProof = await t
      .http()
      .post(CareRoutes.gift(home.id))
      .set(bearer(assistant))
      .send({ action: GiftAction.Deliver })
      .expect(400);
    expect(noProof.body).toMatchObject({
      code: ErrorCode.GIFT_PROOF_REQUIRED,
      message: '送达礼品须上传交接照片或住户签名',
    });
    const signature = (
      (
        await t
          .http()
          .post(ApiRoutes.uploads)
          .set(bearer(assistant))
          .attach('file', tinyPng(), { filename: 'sign.png', contentType: 'image/png' })
          .expect(201)
      ).body as UploadDto
    ).id;
    // An upload of someone else cannot serve as proof.
    const foreignUpload = (
      (
        await t
          .http()
          .post(ApiRoutes.uploads)
          .set(bearer(resident))
          .attach('file', tinyPng(), { filename: 'x.png', contentType: 'image/png' })
          .expect(201)
      ).body as UploadDto
    ).id;
    await t
      .http()
      .post(CareRoutes.gift(home.id))
      .set(bearer(assistant))
      .send({ action: GiftAction.Deliver, photoIds: [foreignUpload] })
      .expect(404);
    const delivered = (
      await t
        .http()
        .post(CareRoutes.gift(home.id))
        .set(bearer(assistant))
        .send({ action: GiftAction.Deliver, photoIds: [signature], note: '王奶奶本人签收' })
        .expect(200)
    ).body as GiftLineDto;
    expect(delivered.gift).toMatchObject({
      status: GiftStatus.Delivered,
      statusLabel: '已送达',
      photoIds: [signature],
      note: '王奶奶本人签收',
    });
    const twice = await t
      .http()
      .post(CareRoutes.gift(home.id))
      .set(bearer(assistant))
      .send({ action: GiftAction.Decline })
      .expect(409);
    expect(twice.body.code).toBe(ErrorCode.GIFT_STATE);
    const file = (
      await t.http().get(ApiRoutes.household(residentHousehold)).set(bearer(assistant)).expect(200)
    ).body as { timeline: { kind: TimelineKind; title: string }[] };
    expect(file.timeline).toContainEqual(
      expect.objectContaining({
        kind: TimelineKind.Care,
        title: '中秋节关怀礼品：月饼礼盒（已送达）',
      }),
    );
    const pickedUp = (
      await t
        .http()
        .post(CareRoutes.gift(list[1].id))
        .set(bearer(assistant))
        .send({ action: GiftAction.PickUp })
        .expect(200)
    ).body as GiftLineDto;
    expect(pickedUp.gift?.status).toBe(GiftStatus.PickedUp);
    const progress = (
      await t.http().get(CareRoutes.campaign(campaign.id)).set(bearer(supervisor)).expect(200)
    ).body as CampaignDto;
    expect(progress.progress.giftsDelivered).toBe(2);
  });

  it('an assistant of other buildings neither sees nor hands over these gifts; residents cannot at all', async () => {
    const other = await addAssistant(t, '钱管家', []);
    const otherToken = (await loginOpenid(t, other.openid!)).token;
    expect((await t.http().get(CareRoutes.gifts).set(bearer(otherToken)).expect(200)).body).toEqual(
      {
        items: [],
        nextCursor: null,
      },
    );
    const skipped = (
      await t
        .http()
        .get(CareRoutes.recipients(campaign.id))
        .query({ status: RecipientStatus.Skipped })
        .set(bearer(supervisor))
        .expect(200)
    ).body as CampaignRecipientDto[];
    await t
      .http()
      .post(CareRoutes.gift(skipped[0].id))
      .set(bearer(otherToken))
      .send({ action: GiftAction.Decline })
      .expect(404);
    await t.http().get(CareRoutes.gifts).set(bearer(resident)).expect(403);
    await t
      .http()
      .post(CareRoutes.gift(skipped[0].id))
      .set(bearer(resident))
      .send({ action: GiftAction.Decline })
      .expect(403);
  });

  it('skipped households are sent later once the reason is gone; still-held ones stay listed', async () => {
    // 28 days on: the complaint, still open, is 31 days old (outside the 30-day window); the renovation (38 days) goes on.
    t.clock.set({ now: new Date(NOW.getTime() + 28 * 86_400_000), freeze: true });
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const back = (
      await t
        .http()
        .post(CareRoutes.resendSkipped(campaign.id))
        .set(bearer(supervisor))
        .send({})
        .expect(200)
    ).body as CampaignDto;
    expect(back.status).toBe(CampaignStatus.Sending);
    expect(back.progress.pending).toBe(2);
    expect(await fanout()).toMatchObject({ sent: 1, skipped: 1 });
    const after = (
      await t.http().get(CareRoutes.campaign(campaign.id)).set(bearer(supervisor)).expect(200)
    ).body as CampaignDto;
    expect(after.progress).toMatchObject({ sent: 3, skipped: 1, coverage: 0.75, giftsLeft: 0 });
    expect(after.status).toBe(CampaignStatus.Sent);
    const still = (
      await t
        .http()
        .get(CareRoutes.recipients(campaign.id))
        .query({ status: RecipientStatus.Skipped })
        .set(bearer(supervisor))
        .expect(200)
    ).body as CampaignRecipientDto[];
    expect(still.map((s) => [s.householdLabel, s.skipReason])).toEqual([
      ['1栋1单元202室', SkipReason.Renovation],
    ]);
    // A sent campaign cannot be cancelled.
    expect(
      (await t.http().post(CareRoutes.cancel(campaign.id)).set(bearer(supervisor)).expect(409)).body
        .code,
    ).toBe(ErrorCode.CAMPAIGN_STATE);
  });

  it('campaign routes are the community’s planners’ only', async () => {
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    for (const token of [assistant, resident]) {
      await t
        .http()
        .get(CareRoutes.campaigns)
        .query({ communityId })
        .set(bearer(token))
        .expect(403);
      await t.http().post(CareRoutes.campaigns).set(bearer(token)).send(MID_AUTUMN()).expect(403);
      await t.http().get(CareRoutes.campaign(campaign.id)).set(bearer(token)).expect(403);
      await t.http().post(CareRoutes.send(campaign.id)).set(bearer(token)).send({}).expect(403);
      await t.http().post(CareRoutes.cancel(campaign.id)).set(bearer(token)).expect(403);
      await t.http().get(CareRoutes.recipients(campaign.id)).set(bearer(token)).expect(403);
      await t
        .http()
        .post(CareRoutes.resendSkipped(campaign.id))
        .set(bearer(token))
        .send({})
        .expect(403);
      await t
        .http()
        .post(CareRoutes.audiencePreview)
        .set(bearer(token))
        .send({ communityId, audience: { buildingIds: [], segments: [] } })
        .expect(403);
    }
    await t.http().get(CareRoutes.myGreetings).set(bearer(supervisor)).expect(403);
    // A supervisor of another community does not find the campaign.
    const stranger = await addUser(t, Role.Supervisor, '外小区主任');
    await t.dataSource.getRepository(User).update({ id: stranger.id }, { communityId: null });
    const strangerToken = (await loginOpenid(t, stranger.openid!)).token;
    const hidden = await t
      .http()
      .get(CareRoutes.campaign(campaign.id))
      .set(bearer(strangerToken))
      .expect(404);
    expect(hidden.body.code).toBe(ErrorCode.CAMPAIGN_NOT_FOUND);
  });
});

describe('the fan-out under two instances and quiet hours', () => {
  it('waits out quiet hours, then two instances greet every household exactly once', async () => {
    // 23:00 China time: scheduled, but nothing goes until 08:00.
    t.clock.set({ now: new Date('2026-12-30T15:00:00Z'), freeze: true });
    supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
    const c = (
      await t
        .http()
        .post(CareRoutes.campaigns)
        .set(bearer(supervisor))
        .send(
          MID_AUTUMN({
            occasion: CareOccasion.NewYear,
            audience: { buildingIds: [], segments: [] },
            gift: null,
            channels: { card: true, wechat: false, visit: false },
          }),
        )
        .expect(201)
    ).body as CampaignDto;
    expect(c).toMatchObject({ title: '元旦', occasionDate: '2027-01-01' });
    await t.http().post(CareRoutes.send(c.id)).set(bearer(supervisor)).send({}).expect(200);
    expect(await fanout()).toMatchObject({ campaigns: 1, sent: 0 });
    expect(
      (
        (await t.http().get(CareRoutes.campaign(c.id)).set(bearer(supervisor)).expect(200))
          .body as CampaignDto
      ).progress,
    ).toMatchObject({ targeted: 5, pending: 5 });

    t.clock.set({ now: new Date('2026-12-31T00:00:00Z'), freeze: true });
    const second = new CareFanout(
      t.app.get(DataSource),
      t.app.get(CareAudience),
      t.app.get(Outbox),
      t.app.get(ClockService),
      t.app.get<AppConfig>(APP_CONFIG),
    );
    const [a, b] = await Promise.all([t.app.get(CareFanout).sweep(), second.sweep()]);
    // Complaint and renovation are long past: all five households, each greeted once, whichever instance did it.
    expect(a.sent + b.sent).toBe(5);
    expect(
      await t.dataSource
        .getRepository(Notification)
        .count({ where: { kind: NotificationKind.CareGreeting, title: '元旦问候' } }),
    ).toBe(5);
    expect(
      (
        (await t.http().get(CareRoutes.campaign(c.id)).set(bearer(supervisor)).expect(200))
          .body as CampaignDto
      ).progress,
    ).toMatchObject({ targeted: 5, sent: 5, coverage: 1 });
    expect(await fanout()).toMatchObject({ campaigns: 0, sent: 0 });
  });
});

describe('the demo community’s care (seeded outside tests)', () => {
  it('has the past Mid-Autumn with gifts handed over and the coming festivals planned', async () => {
    const demo = await createTestApp({ env: { NODE_ENV: 'development' } });
    try {
      // Seeded and read at the real time: the seed places its notices and events around "now".
      const token = (await loginPersona(demo, DemoPersona.Supervisor)).token;
      const me = await demo.dataSource
        .getRepository(User)
        .findOneByOrFail({ openid: 'demo-supervisor' });
      const list = (
        (
          await demo
            .http()
            .get(CareRoutes.campaigns)
            .query({ communityId: me.communityId })
            .set(bearer(token))
            .expect(200)
        ).body as Page<CampaignDto>
      ).items;
      expect(list.map((c) => [c.title, c.status])).toEqual(
        expect.arrayContaining([
          ['中秋节', CampaignStatus.Sent],
          ['元旦', CampaignStatus.Draft],
          ['春节', CampaignStatus.Draft],
        ]),
      );
      const midAutumn = list.find((c) => c.title === '中秋节')!;
      expect(midAutumn.progress).toMatchObject({
        targeted: 5,
        sent: 4,
        skipped: 1,
        giftsDelivered: 4,
        coverage: 0.8,
      });
      const preview = (
        await demo
          .http()
          .post(CareRoutes.audiencePreview)
          .set(bearer(token))
          .send({
            communityId: me.communityId,
            audience: { buildingIds: [], segments: [AudienceSegment.Elderly] },
          })
          .expect(200)
      ).body as AudiencePreviewDto;
      // Care's four elderly households, and four more among the full demo's neighbours (1栋1单元202, 1栋1单元302, 2栋1单元301, 2栋2单元202).
      expect(preview.targeted).toBe(8);
      const resident = (await loginPersona(demo, DemoPersona.Resident)).token;
      const notices = (await demo.http().get(NoticeRoutes.mine).set(bearer(resident)).expect(200))
        .body.items as NoticeDto[];
      expect(notices.map((n) => [n.title, n.pinned, n.read])).toEqual([
        ['1栋楼道灭鼠消杀', true, false],
        ['第三季度公共收益公示', false, true],
      ]);
      const events = (await demo.http().get(EventRoutes.events).set(bearer(resident)).expect(200))
        .body as CommunityEventDto[];
      expect(events.map((e) => [e.title, e.confirmed, e.capacity])).toEqual([
        ['冬季老年人健康讲座', 2, 3],
      ]);
    } finally {
      await demo.close();
    }
  });
});
