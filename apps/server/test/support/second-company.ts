/**
 * A second property company for authorisation tests (issue #10): 明月物业 → 明月小区 → 甲栋 (the target
 * household, 甲栋1单元101室, with its own tickets, an extension request, a work order, an outage notice, a
 * duty shift, a phone task, a photo and notices; two more complaints, one rated and closed with its callback,
 * one awaiting a rating; a care campaign sent to it) and 乙栋 (a neighbour's household with a tenant), with its
 * own staff and a draft campaign; and 明月二期, a second community with one household, a notice, an event and
 * a survey round (what reaches a whole community lives there, where no walker belongs). Built through the
 * API wherever there is one; the repositories only for what has none (companies, communities, staff
 * accounts, which buildings an assistant serves, phone tasks) and the care fan-out's background job.
 */
import { chinaMonthOf, monthsEndingWith } from '@linli/domain';
import {
  ApiRoutes,
  CallTaskPurpose,
  CallTaskStatus,
  CampaignDto,
  CampaignRecipientDto,
  CareOccasion,
  CareRoutes,
  CommunityEventDto,
  EventKind,
  EventRoutes,
  FeedbackRoutes,
  MemberRole,
  MyCallbacksDto,
  NoticeDto,
  NoticeKind,
  NoticeRoutes,
  NotificationPageDto,
  QuestionnaireDto,
  Role,
  RoomSummaryDto,
  Satisfaction,
  SurveyConversationDto,
  SurveyRoundDto,
  SurveyRoutes,
  TicketAction,
  TicketDetailDto,
  TicketExtensionDto,
  UploadDto,
  WorkOrderDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { CareFanout } from '../../src/modules/care/care-fanout.service';
import { SurveyAnswer } from '../../src/modules/surveys/entities/survey-answer.entity';
import { CallTask } from '../../src/modules/notifications/entities/call-task.entity';
import { AssistantBuilding } from '../../src/modules/org/entities/assistant-building.entity';
import { Community } from '../../src/modules/org/entities/community.entity';
import { Company } from '../../src/modules/org/entities/company.entity';
import { User } from '../../src/modules/org/entities/user.entity';
import { tinyPng } from './builders';
import { bearer, loginOpenid } from './login';
import { TestApp } from './test-app';

export const SECOND = {
  company: '明月物业',
  community: '明月小区',
  owner: { name: '欧阳业主', phone: '13611110001', idNumber: '320102197805063215' },
  family: { name: '欧阳小龙', phone: '13611110002', idNumber: '32010220050919432X' },
  neighbour: { name: '诸葛邻居', phone: '13611110009' },
  complaint: '楼上欧阳家的邻居每晚十二点后装修噪音，已经忍了一个月',
  repair: '厨房水槽下水管漏水，橱柜板已泡坏',
  workOrder: '请保安部夜间巡查噪音来源并登记',
  callee: '欧阳业主（电话回访）',
  extensionReason: '需与楼上住户约定时间上门核实',
  ratedComplaint: '快递柜被人长期占用，取件要排队半小时',
  resolvedComplaint: '地库出口的减速带松动，开车经过响声很大',
  ratingComment: '处理及时，欧阳家很满意',
  /** 明月二期: the company's second community, for what reaches a whole community (notices, events, surveys). */
  community2: '明月二期',
  owner2: { name: '上官业主', phone: '13611110021' },
  notice: '明月二期地下车库环氧地坪施工',
  event: '明月二期业主茶话会',
  questionnaire: '明月二期保洁专项问卷',
  surveyAnswer: '垃圾房门口总有积水，气味很重',
  campaign: '明月小区重阳敬老',
} as const;

/** The second company's ids (passed to every route) and tokens. */
export interface SecondCompany {
  companyId: string;
  communityId: string;
  buildingId: string;
  neighbourBuildingId: string;
  roomId: string;
  householdId: string;
  neighbourHouseholdId: string;
  complaintId: string;
  complaintCode: string;
  complaintVersion: number;
  repairId: string;
  repairCode: string;
  extensionId: string;
  workOrderId: string;
  workOrderCode: string;
  outageId: string;
  dutyShiftId: string;
  callTaskId: string;
  uploadId: string;
  /** Last month's report of the second community, issued by its supervisor. */
  reportId: string;
  ownerNotificationIds: string[];
  assistantId: string;
  /** The owner's complaint, resolved, rated 满意 and so closed: its callback (to the supervisor). */
  ratedComplaintId: string;
  callbackId: string;
  /** The owner's complaint, resolved and awaiting the owner's rating. */
  resolvedComplaintId: string;
  resolvedComplaintVersion: number;
  /** 明月二期 (same company, another community) and what reaches all of it. */
  community2Id: string;
  household2Id: string;
  noticeId: string;
  eventId: string;
  /** The 二期 owner's sign-up code for the event. */
  eventCheckInCode: string;
  /** A draft questionnaire of 二期's supervisor, and a round (sent, answered by the 二期 owner). */
  questionnaireId: string;
  surveyRoundId: string;
  surveyAnswerId: string;
  /** Care: a draft campaign of 明月小区, and a sent one (甲栋) with its recipient. */
  campaignId: string;
  sentCampaignId: string;
  careRecipientId: string;
  tokens: {
    owner: string;
    neighbour: string;
    tenant: string;
    assistant: string;
    neighbourAssistant: string;
    supervisor: string;
    admin: string;
    guard: string;
  };
}

const SHEET = [
  ['楼栋', '单元', '房号', '姓名', '身份', '关系', '手机号', '入住日期', '证件号'],
  [
    '甲栋',
    '1单元',
    '101',
    SECOND.owner.name,
    '业主',
    '本人',
    SECOND.owner.phone,
    '2021-05-01',
    SECOND.owner.idNumber,
  ],
  [
    '甲栋',
    '1单元',
    '101',
    SECOND.family.name,
    '家庭成员',
    '儿子',
    SECOND.family.phone,
    '2021-05-01',
    SECOND.family.idNumber,
  ],
  [
    '乙栋',
    '1单元',
    '101',
    SECOND.neighbour.name,
    '业主',
    '本人',
    SECOND.neighbour.phone,
    '2022-01-01',
    '',
  ],
];
export const csv = (rows: readonly (readonly string[])[]) =>
  Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

/** A user with no API to create them (staff, or a WeChat account not yet bound), signed in through WeChat. */
export async function account(
  t: TestApp,
  role: Role,
  name: string,
  communityId: string | null,
  extra: Partial<User> = {},
): Promise<{ user: User; token: string }> {
  const user = await t.dataSource.getRepository(User).save({
    id: randomUUID(),
    openid: `authz-${randomUUID()}`,
    name,
    phone: null,
    role,
    householdId: null,
    communityId,
    createdAt: t.clock.now(),
    ...extra,
  });
  return { user, token: (await loginOpenid(t, user.openid!)).token };
}

export async function buildSecondCompany(t: TestApp): Promise<SecondCompany> {
  const ok = async <T>(
    req: PromiseLike<{ status: number; body: unknown }>,
    status = 200,
  ): Promise<T> => {
    const r = await req;
    if (r.status !== status)
      throw new Error(
        `second company setup: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`,
      );
    return r.body as T;
  };
  const post = (url: string, token: string, body: object = {}) =>
    t.http().post(url).set(bearer(token)).send(body);
  const now = t.clock.now();

  const company = await t.dataSource
    .getRepository(Company)
    .save({ id: randomUUID(), name: SECOND.company, createdAt: now });
  const community = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: company.id, name: SECOND.community, createdAt: now });
  const supervisor = await account(t, Role.Supervisor, '周主任', community.id);
  const admin = await account(t, Role.Admin, '明月管理员', community.id);
  const guard = await account(t, Role.Guard, '钱师傅', community.id);

  await ok(
    t
      .http()
      .post(ApiRoutes.householdSheetImport(community.id))
      .set(bearer(supervisor.token))
      .attach('file', csv(SHEET), '明月小区住户.csv'),
  );
  const buildings = await ok<{ id: string; name: string }[]>(
    t.http().get(ApiRoutes.buildings).set(bearer(supervisor.token)),
  );
  const jia = buildings.find((b) => b.name === '甲栋')!;
  const yi = buildings.find((b) => b.name === '乙栋')!;
  const assistant = await account(t, Role.Assistant, '吴管家', community.id);
  const neighbourAssistant = await account(t, Role.Assistant, '郑管家', community.id);
  await t.dataSource.getRepository(AssistantBuilding).save([
    { userId: assistant.user.id, buildingId: jia.id },
    { userId: neighbourAssistant.user.id, buildingId: yi.id },
  ]);

  const owner = await account(t, Role.Resident, '微信用户', null);
  await ok(
    post(ApiRoutes.bindPhone, owner.token, {
      code: t.wechat.local!.mintPhoneCode(SECOND.owner.phone),
    }),
  );
  const neighbour = await account(t, Role.Resident, '微信用户', null);
  await ok(
    post(ApiRoutes.bindPhone, neighbour.token, {
      code: t.wechat.local!.mintPhoneCode(SECOND.neighbour.phone),
    }),
  );
  const rooms = await ok<RoomSummaryDto[]>(
    t.http().get(ApiRoutes.buildingRooms(jia.id)).set(bearer(assistant.token)),
  );
  const room = rooms.find((r) => r.label === '甲栋1单元101室')!;
  const neighbourRooms = await ok<RoomSummaryDto[]>(
    t.http().get(ApiRoutes.buildingRooms(yi.id)).set(bearer(neighbourAssistant.token)),
  );

  // The neighbour lets their flat: a tenant joins 乙栋 with the neighbour's invitation.
  const invite = await ok<{ code: string }>(
    post(ApiRoutes.householdInvites(neighbourRooms[0].householdId!), neighbour.token, {
      role: MemberRole.Tenant,
    }),
    201,
  );
  const tenant = await account(t, Role.Resident, '微信用户', null);
  await ok(post(ApiRoutes.joinHousehold, tenant.token, { code: invite.code, name: '乙栋租客' }));

  // The owner's photo, complaint and repair; the assistant accepts the complaint and asks for more time.
  const upload = await ok<UploadDto>(
    t
      .http()
      .post(ApiRoutes.uploads)
      .set(bearer(owner.token))
      .attach('file', tinyPng(), 'noise.png'),
    201,
  );
  const submit = (categoryCode: string, description: string, photoIds: string[] = []) =>
    ok<TicketDetailDto>(
      post(ApiRoutes.tickets, owner.token, {
        categoryCode,
        description,
        photoIds,
        idempotencyKey: randomUUID(),
      }),
      201,
    );
  const complaint = await submit('complaint_general', SECOND.complaint, [upload.id]);
  const repair = await submit('home_repair_other', SECOND.repair);
  await ok<TicketDetailDto>(
    post(ApiRoutes.ticketActions(complaint.id), assistant.token, {
      action: TicketAction.Accept,
      version: complaint.version,
    }),
  );
  const extension = await ok<TicketExtensionDto>(
    post(ApiRoutes.ticketExtensions(complaint.id), assistant.token, {
      until: new Date(now.getTime() + 5 * 86_400_000).toISOString(),
      reason: SECOND.extensionReason,
    }),
    201,
  );
  const workOrder = await ok<WorkOrderDto>(
    post(ApiRoutes.workOrders, supervisor.token, {
      department: 'security',
      instructions: SECOND.workOrder,
      dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
      ticketId: complaint.id,
    }),
    201,
  );
  const outage = await ok<{ id: string }>(
    post(ApiRoutes.outages, supervisor.token, {
      kind: 'water',
      title: '甲栋停水检修',
      body: '甲栋二次供水水箱清洗',
      buildingIds: [jia.id],
      startsAt: new Date(now.getTime() + 86_400_000).toISOString(),
      endsAt: new Date(now.getTime() + 90_000_000).toISOString(),
    }),
    201,
  );
  const shift = await ok<{ id: string }>(
    post(ApiRoutes.dutyShifts, supervisor.token, {
      buildingId: jia.id,
      assistantId: assistant.user.id,
      startsAt: new Date(now.getTime() + 3_600_000).toISOString(),
      endsAt: new Date(now.getTime() + 8 * 3_600_000).toISOString(),
    }),
    201,
  );
  // Phone tasks are made by the notifier when WeChat cannot reach someone: one for the owner, by hand.
  const callTask = await t.dataSource.getRepository(CallTask).save({
    id: randomUUID(),
    communityId: community.id,
    ticketId: complaint.id,
    calleeId: null,
    calleeName: SECOND.callee,
    calleePhone: SECOND.owner.phone,
    callerId: assistant.user.id,
    reason: '回访投诉处理进度',
    purpose: CallTaskPurpose.TellResident,
    status: CallTaskStatus.Open,
    createdAt: now,
    doneAt: null,
    doneById: null,
    outcome: null,
  });
  const report = await ok<{ id: string }>(
    post(ApiRoutes.reports, supervisor.token, {
      kind: 'monthly',
      period: monthsEndingWith(chinaMonthOf(now), 2)[0],
    }),
    201,
  );
  const latest = await ok<TicketDetailDto>(
    t.http().get(ApiRoutes.ticket(complaint.id)).set(bearer(assistant.token)),
  );

  // Ratings and callbacks: two more complaints of the owner, resolved by 吴管家; the owner rates one 满意 (it
  // closes, and its callback goes to 周主任: 吴管家 handled it and serves 甲栋 alone); the other awaits a rating.
  const resolve = async (description: string) => {
    const c = await submit('complaint_general', description);
    const accepted = await ok<TicketDetailDto>(
      post(ApiRoutes.ticketActions(c.id), assistant.token, {
        action: TicketAction.Accept,
        version: c.version,
      }),
    );
    return ok<TicketDetailDto>(
      post(ApiRoutes.ticketActions(c.id), assistant.token, {
        action: TicketAction.Resolve,
        version: accepted.version,
        note: '已处理',
      }),
    );
  };
  const stars = { speed: 5, attitude: 5, quality: 4 };
  const rated = await resolve(SECOND.ratedComplaint);
  await ok(
    post(FeedbackRoutes.ticketRating(rated.id), owner.token, {
      version: rated.version,
      overall: Satisfaction.Satisfied,
      ...stars,
      comment: SECOND.ratingComment,
    }),
  );
  const resolved = await resolve(SECOND.resolvedComplaint);
  const callbacks = await ok<MyCallbacksDto>(
    t.http().get(FeedbackRoutes.myCallbacks).set(bearer(supervisor.token)),
  );
  const callback = [...callbacks.dueToday, ...callbacks.overdue, ...callbacks.upcoming].find(
    (c) => c.ticketId === rated.id,
  )!;

  // Care: a draft campaign for the whole of 明月小区, and one for 甲栋 sent now (the fan-out is a background job).
  const campaignBody = (occasion: CareOccasion, buildingIds: string[]) => ({
    communityId: community.id,
    occasion,
    title: SECOND.campaign,
    audience: { buildingIds, segments: [] },
    greeting: '明月物业祝您节日快乐、身体安康！',
    channels: { card: true, wechat: false, visit: true },
    gift: { name: '重阳糕', stock: 5 },
  });
  const draftCampaign = await ok<CampaignDto>(
    post(CareRoutes.campaigns, supervisor.token, campaignBody(CareOccasion.NewYear, [])),
    201,
  );
  const sentCampaign = await ok<CampaignDto>(
    post(
      CareRoutes.campaigns,
      supervisor.token,
      campaignBody(CareOccasion.SpringFestival, [jia.id]),
    ),
    201,
  );
  await ok(post(CareRoutes.send(sentCampaign.id), supervisor.token, {}));
  await t.app.get(CareFanout).sweep();
  const careRecipients = await ok<CampaignRecipientDto[]>(
    t.http().get(CareRoutes.recipients(sentCampaign.id)).set(bearer(supervisor.token)),
  );

  // 明月二期: its supervisor, one occupied household (丙栋), a notice, an event and a survey round.
  const community2 = await t.dataSource
    .getRepository(Community)
    .save({ id: randomUUID(), companyId: company.id, name: SECOND.community2, createdAt: now });
  const supervisor2 = await account(t, Role.Supervisor, '萧主任', community2.id);
  const sheet2 = [
    SHEET[0],
    [
      '丙栋',
      '1单元',
      '101',
      SECOND.owner2.name,
      '业主',
      '本人',
      SECOND.owner2.phone,
      '2021-05-01',
      '',
    ],
  ];
  await ok(
    t
      .http()
      .post(ApiRoutes.householdSheetImport(community2.id))
      .set(bearer(supervisor2.token))
      .attach('file', csv(sheet2), '明月二期住户.csv'),
  );
  const owner2 = await account(t, Role.Resident, '微信用户', null);
  await ok(
    post(ApiRoutes.bindPhone, owner2.token, {
      code: t.wechat.local!.mintPhoneCode(SECOND.owner2.phone),
    }),
  );
  const household2Id = (
    await t.dataSource.getRepository(User).findOneByOrFail({ id: owner2.user.id })
  ).householdId!;
  const notice = await ok<NoticeDto>(
    post(NoticeRoutes.notices, supervisor2.token, {
      kind: NoticeKind.Works,
      title: SECOND.notice,
      body: '施工期间地库禁止停车，请车主提前挪车。',
      target: { buildingIds: [], units: [] },
    }),
    201,
  );
  await ok(post(NoticeRoutes.read(notice.id), owner2.token));
  const event = await ok<CommunityEventDto>(
    post(EventRoutes.events, supervisor2.token, {
      kind: EventKind.OwnersMeeting,
      title: SECOND.event,
      place: '二期会所',
      startsAt: new Date(now.getTime() + 5 * 86_400_000).toISOString(),
      capacity: 20,
    }),
    201,
  );
  const signedUp = await ok<CommunityEventDto>(
    post(EventRoutes.signups(event.id), owner2.token),
    201,
  );
  const questionnaire = await ok<QuestionnaireDto>(
    post(SurveyRoutes.questionnaires, supervisor2.token, {
      title: SECOND.questionnaire,
      theme: 'cleaning',
      questions: [
        {
          id: 'q1',
          type: 'satisfaction',
          theme: 'cleaning',
          text: '您对保洁是否满意？',
          required: true,
        },
        {
          id: 'q2',
          type: 'text',
          theme: 'cleaning',
          text: '您对保洁有什么意见？',
          required: false,
        },
      ],
    }),
    201,
  );
  const round = await ok<SurveyRoundDto>(
    post(SurveyRoutes.rounds, supervisor2.token, {
      questionnaireId: 'builtin:cleaning',
      kind: 'ad_hoc',
      title: '二期清洁卫生意见征询',
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    }),
    201,
  );
  await ok(post(SurveyRoutes.roundSend(round.id), supervisor2.token));
  let conversation = await ok<SurveyConversationDto>(
    t.http().get(SurveyRoutes.conversation(round.id)).set(bearer(owner2.token)),
  );
  while (conversation.next) {
    const q = conversation.next;
    const value =
      q.type === 'text'
        ? SECOND.surveyAnswer
        : q.type === 'stars'
          ? 4
          : q.type === 'satisfaction'
            ? '满意'
            : q.type === 'multiple'
              ? [q.options![0]]
              : q.options![0];
    conversation = await ok<SurveyConversationDto>(
      post(SurveyRoutes.answers(round.id), owner2.token, { questionId: q.id, value }),
      201,
    );
  }
  // The answer to tag: the free-text reason, where the questionnaire has one.
  const answers = await t.dataSource
    .getRepository(SurveyAnswer)
    .find({ where: { roundId: round.id }, order: { answeredAt: 'ASC' } });
  const surveyAnswer = answers.find((a) => a.satisfied === null) ?? answers[0];
  const notices = await ok<NotificationPageDto>(
    t.http().get(ApiRoutes.notifications).set(bearer(owner.token)),
  );

  return {
    companyId: company.id,
    communityId: community.id,
    buildingId: jia.id,
    neighbourBuildingId: yi.id,
    roomId: room.roomId,
    householdId: room.householdId!,
    neighbourHouseholdId: neighbourRooms[0].householdId!,
    complaintId: complaint.id,
    complaintCode: complaint.code,
    complaintVersion: latest.version,
    repairId: repair.id,
    repairCode: repair.code,
    extensionId: extension.id,
    workOrderId: workOrder.id,
    workOrderCode: workOrder.code,
    outageId: outage.id,
    dutyShiftId: shift.id,
    callTaskId: callTask.id,
    uploadId: upload.id,
    reportId: report.id,
    ownerNotificationIds: notices.items.map((n) => n.id),
    assistantId: assistant.user.id,
    ratedComplaintId: rated.id,
    callbackId: callback.id,
    resolvedComplaintId: resolved.id,
    resolvedComplaintVersion: resolved.version,
    community2Id: community2.id,
    household2Id,
    noticeId: notice.id,
    eventId: event.id,
    eventCheckInCode: signedUp.mine!.code!,
    questionnaireId: questionnaire.id,
    surveyRoundId: round.id,
    surveyAnswerId: surveyAnswer.id,
    campaignId: draftCampaign.id,
    sentCampaignId: sentCampaign.id,
    careRecipientId: careRecipients[0].id,
    tokens: {
      owner: owner.token,
      neighbour: neighbour.token,
      tenant: tenant.token,
      assistant: assistant.token,
      neighbourAssistant: neighbourAssistant.token,
      supervisor: supervisor.token,
      admin: admin.token,
      guard: guard.token,
    },
  };
}
