import {
  ApiRoutes,
  AudiencePreviewDto,
  AudienceSegment,
  CampaignDto,
  CampaignRecipientDto,
  CampaignStatus,
  CareOccasion,
  CareRoutes,
  DemoPersona,
  ErrorCode,
  GiftAction,
  GiftLineDto,
  GiftStatus,
  GreetingCardDto,
  NotificationKind,
  Page,
  RecipientStatus,
  Role,
  SkipReason,
  TimelineKind,
  UploadDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { OutboxMessage } from '../src/modules/outbox/entities/outbox-message.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { addAssistant, addUser, tinyPng } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { bootCareWorld, careHelpers, CareWorld, NOW } from './support/care-world';
import { TestApp } from './support/test-app';

let w: CareWorld;
let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let communityId: string;
let residentHousehold: string;
let elderAlone: User;

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  w = await bootCareWorld();
  ({ t, resident, assistant, supervisor, communityId, residentHousehold, elderAlone } = w);
});
afterEach(() => t?.close());

const { MID_AUTUMN, fanout } = careHelpers(() => w);

describe('a Mid-Autumn campaign with a gift for elderly residents', () => {
  /** The supervisor plans the Mid-Autumn campaign as a draft. */
  async function planned(): Promise<CampaignDto> {
    return (
      await t
        .http()
        .post(CareRoutes.campaigns)
        .set(bearer(supervisor))
        .send(MID_AUTUMN())
        .expect(201)
    ).body as CampaignDto;
  }

  /** The planned campaign, sent and fanned out (two households reached, two held back). */
  async function sent(): Promise<CampaignDto> {
    const campaign = await planned();
    await t.http().post(CareRoutes.send(campaign.id)).set(bearer(supervisor)).send({}).expect(200);
    await fanout();
    return campaign;
  }

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
    const campaign = await planned();
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
    const campaign = await planned();
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
    const campaign = await sent();
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
    const campaign = await sent();
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
    const campaign = await sent();
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
    const campaign = await sent();
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
    const campaign = await sent();
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
    const campaign = await sent();
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
