import {
  MemberRole,
  NotificationKind,
  QuestionType,
  SurveyAnswerValue,
  SurveyRoundKind,
  SurveyRoundStatus,
  SurveyTheme,
} from '@linli/contracts';
import { roomLabel } from '@linli/domain';
import { DEFAULT_QUESTIONNAIRES, isSatisfied } from '@linli/domain/surveys';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { HouseholdMember } from '../../modules/households/entities/household-member.entity';
import { Notification } from '../../modules/notifications/entities/notification.entity';
import { Community } from '../../modules/org/entities/community.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import {
  Questionnaire,
  SurveyAnswer,
  SurveyInvite,
  SurveyRound,
} from '../../modules/surveys/entities';
import { insertRows } from '../unit-of-work';

const DAY = 24 * 3600 * 1000;

/** Neighbours of 王女士 in 阳光花园, so a round has households to sample: room, the owner on file. */
const NEIGHBOURS: [string, string, string, string][] = [
  ['1栋', '1单元', '102', '陈先生'],
  ['1栋', '1单元', '201', '刘阿姨'],
  ['1栋', '1单元', '302', '周女士'],
  ['1栋', '2单元', '101', '吴先生'],
  ['1栋', '2单元', '202', '郑女士'],
  ['1栋', '2单元', '301', '黄先生'],
  ['2栋', '1单元', '101', '林女士'],
  ['2栋', '1单元', '201', '何先生'],
  ['2栋', '1单元', '302', '高阿姨'],
  ['2栋', '2单元', '102', '罗先生'],
  ['2栋', '2单元', '201', '梁女士'],
  ['2栋', '2单元', '301', '宋先生'],
];

/** Answers of the October round's households that completed it: q1 satisfaction, q2 stars, q3 single choice, q4 text with a tag. */
const OCTOBER: [string, number, string, string | null, string | null][] = [
  ['满意', 5, '一次解决', null, null],
  ['基本满意', 4, '一次解决', '上门前能先打个电话就好了', '未提前联系'],
  ['不满意', 2, '修了两次以上', '水管修了两次还在滴水', '返修'],
  ['满意', 4, '一次解决', null, null],
  ['不满意', 3, '还没解决', '等了三天才来人', '响应慢'],
  ['基本满意', 4, '一次解决', '师傅没穿鞋套', '未文明作业'],
  ['满意', 5, '一次解决', '等了一天多才来', '响应慢'],
];

/**
 * The demo's questionnaires (outside tests): October's repairs solicitation, closed with published
 * results, and November's cleaning solicitation, open, to which 王女士's household is invited.
 */
export async function seedDemoSurveys(
  db: EntityManager,
  now: Date,
  nodeEnv: string,
): Promise<void> {
  if (nodeEnv === 'test') return;
  const community = await db.findOneOrFail(Community, { where: { name: '阳光花园' } });
  const wang = await db.findOneOrFail(User, { where: { name: '王女士' } });
  const homes: { householdId: string; buildingId: string }[] = [];
  const wangRoom = await db.findOneOrFail(Room, {
    where: { id: (await db.findOneOrFail(Household, { where: { id: wang.householdId! } })).roomId },
  });
  homes.push({ householdId: wang.householdId!, buildingId: wangRoom.buildingId });
  for (const [building, unit, number, name] of NEIGHBOURS) {
    const room = await db
      .createQueryBuilder(Room, 'r')
      .innerJoin('building', 'b', 'b.id = r.buildingId')
      .where('r.label = :label AND b.communityId = :c', {
        label: roomLabel(building, unit, number),
        c: community.id,
      })
      .getOneOrFail();
    // The demo's households seed (or another feature's demo) may have filled the room already: reused.
    const existing = await db.findOne(Household, { where: { roomId: room.id } });
    if (existing) {
      homes.push({ householdId: existing.id, buildingId: room.buildingId });
      continue;
    }
    const householdId = randomUUID();
    await insertRows(db, Household, { id: householdId, roomId: room.id, createdAt: now });
    await insertRows(db, HouseholdMember, {
      id: randomUUID(),
      householdId,
      name,
      role: MemberRole.Owner,
      relationship: '本人',
      phone: null,
      idNumber: null,
      moveInDate: '2021-05-01',
      userId: null,
      createdAt: now,
      removedAt: null,
    });
    homes.push({ householdId, buildingId: room.buildingId });
  }

  const questionnaire = (theme: SurveyTheme): Questionnaire => {
    const t = DEFAULT_QUESTIONNAIRES[theme];
    return {
      id: randomUUID(),
      companyId: community.companyId,
      communityId: community.id,
      title: t.title,
      theme,
      version: 1,
      status: 'published',
      questions: t.questions,
      createdById: null,
      createdAt: new Date(now.getTime() - 40 * DAY),
      publishedAt: new Date(now.getTime() - 40 * DAY),
    };
  };
  // Occupied households per building when the rounds were drawn (the demo's target: 5% rounded up, i.e. 1 per building).
  const strata = [...new Set(homes.map((h) => h.buildingId))].map((buildingId) => ({
    buildingId,
    occupied: homes.filter((h) => h.buildingId === buildingId).length,
    target: 1,
  }));
  const round = (
    q: Questionnaire,
    title: string,
    opensDaysAgo: number,
    closesInDays: number,
    status: SurveyRoundStatus,
    extra: Partial<SurveyRound> = {},
  ): SurveyRound => ({
    id: randomUUID(),
    communityId: community.id,
    questionnaireId: q.id,
    kind: SurveyRoundKind.Monthly,
    title,
    status,
    opensAt: new Date(now.getTime() - opensDaysAgo * DAY),
    closesAt: new Date(now.getTime() + closesInDays * DAY),
    seed: 20261001 + opensDaysAgo,
    strata,
    recontactExcluded: 0,
    shortfall: 0,
    createdById: null,
    createdAt: new Date(now.getTime() - opensDaysAgo * DAY),
    sentAt: new Date(now.getTime() - opensDaysAgo * DAY),
    closedAt: null,
    resultsPublishedAt: null,
    improvements: null,
    nextCheckAt: null,
    remindedAt: null,
    ...extra,
  });

  // October: repairs, 10 households invited, 7 completed (70%: no penalty).
  const repairs = questionnaire(SurveyTheme.Repairs);
  const october = round(
    repairs,
    '10月维修服务意见征询',
    35,
    -25,
    SurveyRoundStatus.ResultsPublished,
    {
      closedAt: new Date(now.getTime() - 25 * DAY),
      resultsPublishedAt: new Date(now.getTime() - 24 * DAY),
      improvements: '报修后 30 分钟内电话联系住户；返修单由工程部主管跟进到底',
    },
  );
  const cleaning = questionnaire(SurveyTheme.Cleaning);
  const november = round(cleaning, '11月清洁卫生意见征询', 1, 6, SurveyRoundStatus.Open);
  november.nextCheckAt = new Date(november.closesAt.getTime() - 2 * DAY);
  await insertRows(db, Questionnaire, [repairs, cleaning]);
  await insertRows(db, SurveyRound, [october, november]);

  const octInvites = homes.slice(1, 11).map((h, i) => ({
    id: randomUUID(),
    roundId: october.id,
    householdId: h.householdId,
    buildingId: h.buildingId,
    source: 'random' as const,
    invitedAt: october.sentAt!,
    completedAt: i < OCTOBER.length ? new Date(october.opensAt.getTime() + (i + 1) * DAY) : null,
    completedById: null,
    // Each completed one: two rating answers (q1, q2), satisfied as its answers say.
    rated: i < OCTOBER.length ? 2 : 0,
    satisfied:
      i < OCTOBER.length
        ? [OCTOBER[i][0] !== '不满意', OCTOBER[i][1] >= 4].filter(Boolean).length
        : 0,
  }));
  await insertRows(db, SurveyInvite, octInvites);
  const answers: SurveyAnswer[] = [];
  OCTOBER.forEach(([sat, stars, single, text, tag], i) => {
    const values: [string, SurveyTheme, SurveyAnswerValue, string | null][] = [
      ['q1', SurveyTheme.Repairs, { kind: 'satisfaction', label: sat }, null],
      ['q2', SurveyTheme.Repairs, { kind: 'stars', stars }, null],
      ['q3', SurveyTheme.Repairs, { kind: 'single', option: single }, null],
      ['q4', SurveyTheme.Repairs, text ? { kind: 'text', text } : { kind: 'skipped' }, tag],
    ];
    for (const [questionId, theme, value, t] of values)
      answers.push({
        id: randomUUID(),
        roundId: october.id,
        inviteId: octInvites[i].id,
        questionId,
        theme,
        value,
        satisfied: isSatisfied(value),
        tag: t,
        answeredById: null,
        answeredAt: octInvites[i].completedAt!,
      });
  });
  await insertRows(db, SurveyAnswer, answers);

  // November: 王女士 and two neighbours invited; one neighbour has already answered the first question.
  const novHomes = [homes[0], homes[4], homes[9]];
  const novInvites = novHomes.map((h) => ({
    id: randomUUID(),
    roundId: november.id,
    householdId: h.householdId,
    buildingId: h.buildingId,
    source: 'random' as const,
    invitedAt: november.sentAt!,
    completedAt: null,
    completedById: null,
  }));
  await insertRows(db, SurveyInvite, novInvites);
  const q1 = cleaning.questions.find((q) => q.type === QuestionType.Satisfaction)!;
  await insertRows(db, SurveyAnswer, {
    id: randomUUID(),
    roundId: november.id,
    inviteId: novInvites[1].id,
    questionId: q1.id,
    theme: SurveyTheme.Cleaning,
    value: { kind: 'satisfaction', label: '基本满意' },
    satisfied: true,
    tag: null,
    answeredById: null,
    answeredAt: now,
  });
  await insertRows(db, Notification, {
    id: randomUUID(),
    userId: wang.id,
    kind: NotificationKind.SurveyInvite,
    title: `邀请您参加：${november.title}`,
    body: '一两分钟就能答完，请在本周内作答。您的意见我们会认真对待。',
    ticketId: null,
    createdAt: november.sentAt!,
    readAt: null,
  });
}
