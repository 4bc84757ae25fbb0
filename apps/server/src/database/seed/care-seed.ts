import {
  CampaignStatus,
  CareOccasion,
  EventKind,
  GiftStatus,
  MemberRole,
  NoticeKind,
  RecipientStatus,
  SignupStatus,
  SkipReason,
} from '@linli/contracts';
import { addDays, chinaDateKey, chinaMidnight } from '@linli/domain';
// The lunar calendar stays out of the domain index (see care-calendar.ts).
import { BUILT_IN_OCCASIONS, occasionDate } from '@linli/domain/dist/care/care-calendar';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CareCampaign } from '../../modules/care/entities/care-campaign.entity';
import { CareRecipient } from '../../modules/care/entities/care-recipient.entity';
import { CommunityEvent } from '../../modules/events/entities/community-event.entity';
import { EventSignup } from '../../modules/events/entities/event-signup.entity';
import { HouseholdMember } from '../../modules/households/entities/household-member.entity';
import { NoticeRead } from '../../modules/notices/entities/notice-read.entity';
import { Notice } from '../../modules/notices/entities/notice.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { insertRows } from '../unit-of-work';

/** Resident ID number with a valid check character, for the demo's elderly and children (ages come from it). */
function demoId(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replace(/-/g, '')}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const HOUSEHOLDS: {
  room: string;
  members: { name: string; role: MemberRole; relationship: string; birth: string; phone: string }[];
}[] = [
  {
    room: '1栋1单元102室',
    members: [
      {
        name: '陈爷爷',
        role: MemberRole.Owner,
        relationship: '本人',
        birth: '1944-10-02',
        phone: '13800000021',
      },
    ],
  },
  {
    room: '1栋2单元201室',
    members: [
      {
        name: '刘阿姨',
        role: MemberRole.Owner,
        relationship: '本人',
        birth: '1956-01-20',
        phone: '13800000022',
      },
      {
        name: '刘叔叔',
        role: MemberRole.Family,
        relationship: '配偶',
        birth: '1954-08-11',
        phone: '13800000023',
      },
    ],
  },
  {
    room: '2栋1单元101室',
    members: [
      {
        name: '吴先生',
        role: MemberRole.Owner,
        relationship: '本人',
        birth: '1988-04-09',
        phone: '13800000024',
      },
      {
        name: '吴小宝',
        role: MemberRole.Family,
        relationship: '儿子',
        birth: '2019-06-01',
        phone: '',
      },
    ],
  },
  {
    room: '2栋2单元302室',
    members: [
      {
        name: '周奶奶',
        role: MemberRole.Owner,
        relationship: '本人',
        birth: '1949-12-24',
        phone: '13800000025',
      },
    ],
  },
];

/**
 * Festival care in 阳光花园: a few more households (elderly living alone, an elderly couple, a family
 * with a child; 王女士's mother-in-law lives with her), this year's past Mid-Autumn campaign with its
 * gifts handed over and one household skipped for an open complaint, and the coming New Year and
 * Spring Festival planned as drafts.
 */
export async function seedCare(
  db: EntityManager,
  communityId: string,
  supervisorId: string,
  assistantId: string,
  residentHouseholdId: string,
  now: Date,
): Promise<void> {
  const rooms = await db.find(Room);
  const householdIds: { id: string; buildingId: string }[] = [];
  const home = await db.findOneByOrFail(Household, { id: residentHouseholdId });
  householdIds.push({
    id: home.id,
    buildingId: rooms.find((r) => r.id === home.roomId)!.buildingId,
  });
  await insertRows(db, HouseholdMember, {
    id: randomUUID(),
    householdId: home.id,
    name: '王奶奶',
    role: MemberRole.Family,
    relationship: '婆婆',
    phone: null,
    idNumber: demoId('110105', '1950-03-12', '202'),
    moveInDate: '2020-06-01',
    userId: null,
    createdAt: now,
    removedAt: null,
  });
  for (const [i, h] of HOUSEHOLDS.entries()) {
    const room = rooms.find((r) => r.label === h.room)!;
    const household = { id: randomUUID(), roomId: room.id, createdAt: now };
    await insertRows(db, Household, household);
    householdIds.push({ id: household.id, buildingId: room.buildingId });
    await insertRows(
      db,
      HouseholdMember,
      h.members.map((m, j) => ({
        id: randomUUID(),
        householdId: household.id,
        name: m.name,
        role: m.role,
        relationship: m.relationship,
        phone: m.phone || null,
        idNumber: demoId('110105', m.birth, `3${i}${j}`),
        moveInDate: '2018-09-01',
        userId: null,
        createdAt: now,
        removedAt: null,
      })),
    );
  }

  // This year's Mid-Autumn if it has passed, else last year's: sent, gifts handed over.
  const rule = BUILT_IN_OCCASIONS.find((o) => o.occasion === CareOccasion.MidAutumn)!.rule;
  const today = chinaDateKey(now);
  const year = Number(today.slice(0, 4));
  const midAutumn =
    occasionDate(rule, year) < today ? occasionDate(rule, year) : occasionDate(rule, year - 1);
  const sentAt = new Date(chinaMidnight(addDays(midAutumn, -1)).getTime() + 9 * 3_600_000);
  const campaign: CareCampaign = {
    id: randomUUID(),
    communityId,
    occasion: CareOccasion.MidAutumn,
    title: '中秋节',
    occasionDate: midAutumn,
    audience: { buildingIds: [], segments: [] },
    greeting: '花好月圆，人月两团圆。阳光花园物业服务中心祝您中秋快乐、阖家幸福！',
    imageUrl: null,
    channels: { card: true, wechat: true, visit: true },
    sendAt: sentAt,
    giftName: '月饼礼盒',
    giftStock: 6,
    status: CampaignStatus.Sent,
    ownerId: supervisorId,
    targeted: householdIds.length,
    nextCheckAt: null,
    createdAt: new Date(sentAt.getTime() - 7 * 86_400_000),
    finishedAt: sentAt,
  };
  await insertRows(db, CareCampaign, campaign);
  const outcomes: [RecipientStatus, GiftStatus | null, SkipReason | null, boolean][] = [
    [RecipientStatus.Sent, GiftStatus.Delivered, null, true],
    [RecipientStatus.Sent, GiftStatus.Delivered, null, true],
    [RecipientStatus.Sent, GiftStatus.PickedUp, null, true],
    [RecipientStatus.Sent, GiftStatus.Delivered, null, false],
    [RecipientStatus.Skipped, null, SkipReason.OpenComplaint, false],
  ];
  await insertRows(
    db,
    CareRecipient,
    householdIds.map((h, i) => {
      const [status, gift, skip, opened] = outcomes[i % outcomes.length];
      return {
        id: randomUUID(),
        campaignId: campaign.id,
        householdId: h.id,
        buildingId: h.buildingId,
        status,
        skipReason: skip,
        sentAt: status === RecipientStatus.Sent ? sentAt : null,
        openedAt: opened ? new Date(sentAt.getTime() + (i + 1) * 3_600_000) : null,
        giftStatus: gift,
        giftNote: gift === GiftStatus.Delivered ? '本人签收' : null,
        giftPhotoIds: null,
        giftAt: gift ? new Date(sentAt.getTime() + 26 * 3_600_000) : null,
        giftById: gift ? assistantId : null,
      };
    }),
  );

  // The coming New Year and Spring Festival, planned as drafts for the supervisor to review and send.
  for (const occasion of [CareOccasion.NewYear, CareOccasion.SpringFestival]) {
    const def = BUILT_IN_OCCASIONS.find((o) => o.occasion === occasion)!;
    const date =
      occasionDate(def.rule, year) >= today
        ? occasionDate(def.rule, year)
        : occasionDate(def.rule, year + 1);
    await insertRows(db, CareCampaign, {
      id: randomUUID(),
      communityId,
      occasion,
      title: def.name,
      occasionDate: date,
      audience: { buildingIds: [], segments: [] },
      greeting:
        occasion === CareOccasion.SpringFestival
          ? '新春快乐！感谢您一年来对我们工作的支持，祝您新年万事如意。'
          : '新年快乐！阳光花园物业服务中心祝您新的一年平安顺遂。',
      imageUrl: null,
      channels: { card: true, wechat: true, visit: false },
      sendAt: null,
      giftName: occasion === CareOccasion.SpringFestival ? '春联福字' : null,
      giftStock: occasion === CareOccasion.SpringFestival ? 40 : null,
      status: CampaignStatus.Draft,
      ownerId: supervisorId,
      targeted: 0,
      nextCheckAt: null,
      createdAt: now,
      finishedAt: null,
    });
  }

  // Notices: a pest control in 1栋 in force this week (two of its households have read it), last quarter's accounts for everyone.
  const buildingOf = (label: string) => rooms.find((r) => r.label === label)!.buildingId;
  const b1 = buildingOf('1栋1单元101室');
  const pest = {
    id: randomUUID(),
    communityId,
    kind: NoticeKind.PestControl,
    title: '1栋楼道灭鼠消杀',
    body: '本周三上午在 1 栋各单元楼道投放鼠药并张贴警示标识，请看管好儿童和宠物。',
    target: { buildingIds: [b1], units: [] },
    publishAt: new Date(now.getTime() - 86_400_000),
    publishedAt: new Date(now.getTime() - 86_400_000),
    inForceUntil: new Date(now.getTime() + 6 * 86_400_000),
    startsAt: null,
    outageId: null,
    createdById: supervisorId,
    createdAt: new Date(now.getTime() - 86_400_000),
  };
  const accounts = {
    id: randomUUID(),
    communityId,
    kind: NoticeKind.FinancialReport,
    title: '第三季度公共收益公示',
    body: '停车费、广告位收入及维修支出明细已张贴于各楼栋公告栏，欢迎业主查阅。',
    target: { buildingIds: [], units: [] },
    publishAt: new Date(now.getTime() - 10 * 86_400_000),
    publishedAt: new Date(now.getTime() - 10 * 86_400_000),
    inForceUntil: null,
    startsAt: null,
    outageId: null,
    createdById: supervisorId,
    createdAt: new Date(now.getTime() - 10 * 86_400_000),
  };
  await insertRows(db, Notice, [pest, accounts]);
  await insertRows(db, NoticeRead, [
    {
      noticeId: pest.id,
      householdId: householdIds[1].id,
      userId: null,
      readAt: new Date(now.getTime() - 20 * 3_600_000),
    },
    {
      noticeId: pest.id,
      householdId: householdIds[2].id,
      userId: null,
      readAt: new Date(now.getTime() - 18 * 3_600_000),
    },
    {
      noticeId: accounts.id,
      householdId: householdIds[0].id,
      userId: null,
      readAt: new Date(now.getTime() - 9 * 86_400_000),
    },
    {
      noticeId: accounts.id,
      householdId: householdIds[2].id,
      userId: null,
      readAt: new Date(now.getTime() - 8 * 86_400_000),
    },
  ]);

  // A health talk next week with two households signed up (one seat left).
  const talk = {
    id: randomUUID(),
    communityId,
    kind: EventKind.HealthTalk,
    title: '冬季老年人健康讲座',
    place: '社区活动室',
    startsAt: new Date(chinaMidnight(addDays(today, 7)).getTime() + 14 * 3_600_000),
    capacity: 3,
    confirmedCount: 2,
    createdById: supervisorId,
    createdAt: now,
  };
  await insertRows(db, CommunityEvent, talk);
  await insertRows(
    db,
    EventSignup,
    [householdIds[1], householdIds[2]].map((h, i) => ({
      id: randomUUID(),
      eventId: talk.id,
      householdId: h.id,
      userId: null,
      status: SignupStatus.Confirmed,
      code: ['K7M2QX', 'P4RW9T'][i],
      createdAt: now,
      cancelledAt: null,
      checkedInAt: null,
      checkedInById: null,
    })),
  );
}
