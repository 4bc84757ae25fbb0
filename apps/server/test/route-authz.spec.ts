/**
 * The authorisation walk over every route of the API (issue #10). Every route outside the household area
 * (which household-authz.spec.ts walks) has a row in a table file under test/authz/ (see walk.ts for how to
 * add one); every row is called by every role — anonymous, residents of other households (an owner, a
 * tenant, someone with no room), an assistant of another building, a supervisor of another community, a
 * department head, an admin of another company, guards — with the ids of a second company's resources,
 * and must refuse, leak nothing, and answer no 5xx.
 */
import {
  ApiRoutes,
  CallbackTaskDto,
  CampaignRecipientDto,
  CareRoutes,
  DemoPersona,
  FeedbackRoutes,
  NoticeRoutes,
  SurveyRoundDto,
  SurveyRoutes,
  TicketFeedbackDto,
  isErrorCode,
  NotificationPageDto,
  Role,
  TicketDetailDto,
  TicketExtensionDto,
  TicketStatus,
  TicketSummaryDto,
  WorkOrderDto,
} from '@linli/contracts';
import type { Response } from 'supertest';
import { In } from 'typeorm';
import { CareCampaign } from '../src/modules/care/entities/care-campaign.entity';
import { CommunityEvent } from '../src/modules/events/entities/community-event.entity';
import { EventSignup } from '../src/modules/events/entities/event-signup.entity';
import { CallbackTask } from '../src/modules/feedback/entities/callback-task.entity';
import { TicketRating } from '../src/modules/feedback/entities/ticket-rating.entity';
import { Notice } from '../src/modules/notices/entities/notice.entity';
import { NoticeRead } from '../src/modules/notices/entities/notice-read.entity';
import { CallTask } from '../src/modules/notifications/entities/call-task.entity';
import { Questionnaire } from '../src/modules/surveys/entities/questionnaire.entity';
import { SurveyAnswer } from '../src/modules/surveys/entities/survey-answer.entity';
import { SurveyRound } from '../src/modules/surveys/entities/survey-round.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { declaredRoutes, HOUSEHOLD_AREA, Row, tableRows, urlOf } from './authz/walk';
import { bearer, loginPersona } from './support/login';
import { account, buildSecondCompany, SECOND, SecondCompany } from './support/second-company';
import { createTestApp, TestApp } from './support/test-app';

const START = new Date('2026-11-23T02:00:00Z');

let t: TestApp;
let w: SecondCompany;

interface Walker {
  name: string;
  role: Role | 'anonymous';
  token: string | null;
}
let walkers: Walker[];
/** The second company's tickets as set up, before the walk. */
let before: Pick<Ticket, 'id' | 'status' | 'version' | 'emergency' | 'serious' | 'assigneeId'>[];
/** The second company's ratings, callbacks, care, notices, events and surveys as set up, before the walk. */
let beforeRest: unknown;

/** What the walk must not change of the second company beyond its tickets. */
async function rest(): Promise<unknown> {
  const repo = t.dataSource.getRepository.bind(t.dataSource);
  const both = [w.communityId, w.community2Id];
  const pick = <T extends object>(rows: T[], ...keys: (keyof T)[]) =>
    rows.map((r) => keys.map((k) => r[k])).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    ratings: pick(
      await repo(TicketRating).find({
        where: { ticketId: In([w.ratedComplaintId, w.resolvedComplaintId]) },
      }),
      'id',
    ),
    callbacks: pick(
      await repo(CallbackTask).find({ where: { communityId: In(both) } }),
      'id',
      'status',
      'attempts',
      'assigneeId',
    ),
    campaigns: pick(
      await repo(CareCampaign).find({ where: { communityId: In(both) } }),
      'id',
      'status',
    ),
    notices: pick(await repo(Notice).find({ where: { communityId: In(both) } }), 'id'),
    reads: pick(
      await repo(NoticeRead).find({ where: { noticeId: w.noticeId } }),
      'householdId',
      'userId',
    ),
    events: pick(await repo(CommunityEvent).find({ where: { communityId: In(both) } }), 'id'),
    signups: pick(
      await repo(EventSignup).find({ where: { eventId: w.eventId } }),
      'id',
      'status',
      'checkedInAt',
    ),
    questionnaires: pick(
      await repo(Questionnaire).find({ where: { communityId: In(both) } }),
      'id',
      'status',
      'version',
    ),
    rounds: pick(
      await repo(SurveyRound).find({ where: { communityId: In(both) } }),
      'id',
      'status',
    ),
    answers: pick(
      await repo(SurveyAnswer).find({ where: { roundId: w.surveyRoundId } }),
      'id',
      'tag',
    ),
  };
}

const ROWS = tableRows();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: START, freeze: true });
  w = await buildSecondCompany(t);
  const snapshot = (x: Ticket) => ({
    id: x.id,
    status: x.status,
    version: x.version,
    emergency: x.emergency,
    serious: x.serious,
    assigneeId: x.assigneeId,
  });
  before = (
    await t.dataSource
      .getRepository(Ticket)
      .find({ where: { communityId: w.communityId }, order: { code: 'ASC' } })
  ).map(snapshot);
  beforeRest = await rest();
  const home = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
  const persona = async (p: DemoPersona) => (await loginPersona(t, p)).token;
  walkers = [
    { name: '未登录 (anonymous)', role: 'anonymous', token: null },
    {
      name: '住户 王女士 (an owner in another company)',
      role: Role.Resident,
      token: await persona(DemoPersona.Resident),
    },
    {
      name: '新住户 赵先生 (no room)',
      role: Role.Resident,
      token: await persona(DemoPersona.Newcomer),
    },
    {
      name: '诸葛邻居 (owner of another household, same community)',
      role: Role.Resident,
      token: w.tokens.neighbour,
    },
    {
      name: '乙栋租客 (tenant of another household, same community)',
      role: Role.Resident,
      token: w.tokens.tenant,
    },
    {
      name: '郑管家 (assistant of another building, same community)',
      role: Role.Assistant,
      token: w.tokens.neighbourAssistant,
    },
    {
      name: '张主任 (supervisor of another community)',
      role: Role.Supervisor,
      token: await persona(DemoPersona.Supervisor),
    },
    {
      name: '孙经理 (department head of another community)',
      role: Role.Supervisor,
      token: await persona(DemoPersona.DepartmentHead),
    },
    {
      name: '阳光公司管理员 (admin of another company)',
      role: Role.Admin,
      token: (await account(t, Role.Admin, '阳光公司管理员', home.id)).token,
    },
    {
      name: '刘师傅 (guard of another community)',
      role: Role.Guard,
      token: await persona(DemoPersona.Guard),
    },
    {
      name: '钱师傅 (this community’s guard: the gate only)',
      role: Role.Guard,
      token: w.tokens.guard,
    },
  ];
}, 120_000);
afterAll(() => t?.close());

/** Everything of the second company that no walker may see. */
function secrets(): string[] {
  return [
    SECOND.owner.name,
    SECOND.owner.phone,
    SECOND.owner.idNumber,
    SECOND.family.name,
    SECOND.family.phone,
    SECOND.family.idNumber,
    SECOND.complaint,
    SECOND.repair,
    SECOND.workOrder,
    SECOND.callee,
    SECOND.extensionReason,
    w.complaintCode,
    w.repairCode,
    w.workOrderCode,
    w.complaintId,
    w.repairId,
    w.extensionId,
    w.workOrderId,
    w.callTaskId,
    w.uploadId,
    w.householdId,
    w.reportId,
    ...w.ownerNotificationIds,
    // Ratings, callbacks, care, and 明月二期's notice, event and survey.
    SECOND.ratedComplaint,
    SECOND.resolvedComplaint,
    SECOND.ratingComment,
    SECOND.owner2.name,
    SECOND.owner2.phone,
    SECOND.notice,
    SECOND.event,
    SECOND.questionnaire,
    SECOND.surveyAnswer,
    SECOND.campaign,
    w.ratedComplaintId,
    w.resolvedComplaintId,
    w.callbackId,
    w.household2Id,
    w.noticeId,
    w.eventId,
    w.questionnaireId,
    w.surveyRoundId,
    w.surveyAnswerId,
    w.campaignId,
    w.sentCampaignId,
    w.careRecipientId,
  ];
}

function send(row: Row, token: string | null): Promise<Response> {
  const [method] = row.route.split(' ');
  const req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](urlOf(row, w));
  if (token) req.set(bearer(token));
  if (row.upload) return req.attach('file', row.upload(), 'walk.png');
  return method === 'GET' ? req : req.send(row.body?.(w) ?? {});
}

function judge(row: Row, walker: Walker, res: Response): string[] {
  const where = `${walker.name} → ${row.route}`;
  const text = `${res.text ?? ''}\n${JSON.stringify(res.body ?? null)}`;
  const problems: string[] = [];
  if (res.status >= 500) return [`${where}: ${res.status} ${text.slice(0, 300)}`];
  const leaked = secrets().filter((s) => text.includes(s));
  if (leaked.length) problems.push(`${where}: ${res.status} leaks ${leaked.join(', ')}`);
  if (res.status < 400) {
    if (row.kind === 'foreign')
      problems.push(`${where}: answered ${res.status} instead of refusing: ${text.slice(0, 300)}`);
    if (row.kind !== 'public' && walker.token === null)
      problems.push(`${where}: answered ${res.status} without a login`);
    return problems;
  }
  const refusal = [401, 403, 404].includes(res.status);
  if (row.kind === 'foreign') {
    const allowed =
      walker.token === null ? [401, ...(row.refuse ?? [403, 404])] : (row.refuse ?? [403, 404]);
    if (!allowed.includes(res.status))
      problems.push(
        `${where}: refused with ${res.status}, expected ${allowed.join('/')}: ${text.slice(0, 300)}`,
      );
  }
  if (
    walker.token === null &&
    row.kind !== 'public' &&
    row.route !== 'GET /api/uploads/:id' &&
    res.status !== 401
  )
    problems.push(`${where}: ${res.status} instead of 401 without a login`);
  if (refusal) {
    const body = res.body as Record<string, unknown>;
    const bare = body && Object.keys(body).sort().join(',') === 'code,message';
    if (
      !bare ||
      !isErrorCode(body.code) ||
      typeof body.message !== 'string' ||
      !/[\u4e00-\u9fff]/.test(body.message)
    )
      problems.push(
        `${where}: refusal is not a bare { code, message } in Chinese: ${text.slice(0, 300)}`,
      );
  }
  return problems;
}

describe('the route table', () => {
  it('has a row for every route outside the household area, and none for a route that does not exist', () => {
    const declared = declaredRoutes()
      .filter((r) => !HOUSEHOLD_AREA.includes(r.module))
      .map((r) => r.route);
    const table = [...new Set(ROWS.map((r) => r.route))].sort();
    expect(table).toEqual([...new Set(declared)].sort());
  });

  it('together with the household walk covers every route there is', () => {
    expect(declaredRoutes().length).toBeGreaterThan(100);
  });

  it('walks every role there is, and the anonymous caller', () => {
    expect([...new Set(walkers.map((x) => x.role))].sort()).toEqual(
      ['anonymous', ...Object.values(Role)].sort(),
    );
  });
});

describe('the rightful callers reach the second company’s resources (the walk is not vacuous)', () => {
  it('its owner, its building’s assistant, its supervisor and its admin open the complaint', async () => {
    for (const token of [w.tokens.owner, w.tokens.assistant, w.tokens.supervisor, w.tokens.admin]) {
      const ticket = (
        await t.http().get(ApiRoutes.ticket(w.complaintId)).set(bearer(token)).expect(200)
      ).body as TicketDetailDto;
      expect(ticket.description).toBe(SECOND.complaint);
    }
    const pending = (
      await t.http().get(ApiRoutes.pendingExtensions).set(bearer(w.tokens.admin)).expect(200)
    ).body as TicketExtensionDto[];
    expect(pending.map((e) => e.id)).toEqual([w.extensionId]);
    const orders = (
      await t.http().get(ApiRoutes.workOrders).set(bearer(w.tokens.admin)).expect(200)
    ).body.items as WorkOrderDto[];
    expect(orders.map((o) => o.id)).toEqual([w.workOrderId]);
  });

  it('its owner reads the rating, its supervisor the callback and the campaigns', async () => {
    const fb = (
      await t
        .http()
        .get(FeedbackRoutes.ticketFeedback(w.ratedComplaintId))
        .set(bearer(w.tokens.owner))
        .expect(200)
    ).body as TicketFeedbackDto;
    expect(fb.ratings.map((r) => r.comment)).toEqual([SECOND.ratingComment]);
    expect(
      (
        (
          await t
            .http()
            .get(FeedbackRoutes.ticketFeedback(w.resolvedComplaintId))
            .set(bearer(w.tokens.owner))
            .expect(200)
        ).body as TicketFeedbackDto
      ).canRate,
    ).toBe(true);
    expect(
      (
        (
          await t
            .http()
            .get(FeedbackRoutes.callback(w.callbackId))
            .set(bearer(w.tokens.supervisor))
            .expect(200)
        ).body as CallbackTaskDto
      ).ticketId,
    ).toBe(w.ratedComplaintId);
    await t
      .http()
      .get(CareRoutes.campaign(w.campaignId))
      .set(bearer(w.tokens.supervisor))
      .expect(200);
    const recipients = (
      await t
        .http()
        .get(CareRoutes.recipients(w.sentCampaignId))
        .set(bearer(w.tokens.admin))
        .expect(200)
    ).body as CampaignRecipientDto[];
    expect(recipients.map((r) => r.id)).toEqual([w.careRecipientId]);
  });

  it('the platform’s admin (bound to no community) reaches every company', async () => {
    const platform = (await loginPersona(t, DemoPersona.Admin)).token;
    await t.http().get(ApiRoutes.ticket(w.complaintId)).set(bearer(platform)).expect(200);
    await t.http().get('/api/admin/outbox').set(bearer(platform)).expect(200);
    // 明月二期's notice and round are real, and reachable by whom they belong to.
    await t.http().get(NoticeRoutes.notice(w.noticeId)).set(bearer(platform)).expect(200);
    expect(
      (
        (await t.http().get(SurveyRoutes.round(w.surveyRoundId)).set(bearer(platform)).expect(200))
          .body as SurveyRoundDto
      ).status,
    ).toBe('open');
  });
});

describe('the walk: every route, every role, the second company’s ids', () => {
  it('refuses with a bare { code, message }, leaks nothing, and never answers 5xx', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const row of ROWS) {
      for (const walker of walkers) {
        problems.push(...judge(row, walker, await send(row, walker.token)));
        calls++;
      }
    }
    // The size of the walk, for the record (issue #10's closing note).
    process.stdout.write(
      `route walk: ${new Set(ROWS.map((r) => r.route)).size} routes, ${ROWS.length} rows × ${walkers.length} callers = ${calls} calls\n`,
    );
    expect(problems).toEqual([]);
  }, 300_000);

  it('left the second company as it was', async () => {
    const after = await t.dataSource
      .getRepository(Ticket)
      .find({ where: { communityId: w.communityId }, order: { code: 'ASC' } });
    expect(
      after.map((x) => ({
        id: x.id,
        status: x.status,
        version: x.version,
        emergency: x.emergency,
        serious: x.serious,
        assigneeId: x.assigneeId,
      })),
    ).toEqual(before);
    expect(before.find((x) => x.id === w.complaintId)).toMatchObject({
      status: TicketStatus.Accepted,
      version: w.complaintVersion,
    });
    expect(
      (await t.dataSource.getRepository(CallTask).findOneByOrFail({ id: w.callTaskId })).status,
    ).toBe('open');
    const orders = (
      await t.http().get(ApiRoutes.workOrders).set(bearer(w.tokens.supervisor)).expect(200)
    ).body.items as WorkOrderDto[];
    expect(orders.map((o) => [o.id, o.status])).toEqual([[w.workOrderId, 'issued']]);
    const pending = (
      await t.http().get(ApiRoutes.pendingExtensions).set(bearer(w.tokens.supervisor)).expect(200)
    ).body as TicketExtensionDto[];
    expect(pending.map((e) => e.id)).toEqual([w.extensionId]);
    const outages = (
      await t.http().get(ApiRoutes.outages).set(bearer(w.tokens.supervisor)).expect(200)
    ).body.items as { id: string; status: string }[];
    expect(outages.map((o) => [o.id, o.status])).toEqual([[w.outageId, 'active']]);
    const shifts = (
      await t.http().get(ApiRoutes.dutyShifts).set(bearer(w.tokens.supervisor)).expect(200)
    ).body as { id: string }[];
    expect(shifts.map((s) => s.id)).toEqual([w.dutyShiftId]);
    const inbox = (
      await t.http().get(ApiRoutes.notifications).set(bearer(w.tokens.owner)).expect(200)
    ).body as NotificationPageDto;
    expect(inbox.unread).toBe(w.ownerNotificationIds.length);
    const mine = (await t.http().get(ApiRoutes.myTickets).set(bearer(w.tokens.owner)).expect(200))
      .body.items as TicketSummaryDto[];
    expect(mine.map((x) => x.id).sort()).toEqual(
      [w.complaintId, w.repairId, w.ratedComplaintId, w.resolvedComplaintId].sort(),
    );
    expect(before.find((x) => x.id === w.resolvedComplaintId)).toMatchObject({
      status: TicketStatus.Resolved,
    });
    // Ratings, callbacks, campaigns, notices and their receipts, events and sign-ups, questionnaires, rounds
    // and answers: none added, none changed (so no walker published into 明月二期, rated, called back, …).
    expect(await rest()).toEqual(beforeRest);
    expect(
      (await t.dataSource.getRepository(CallbackTask).findOneByOrFail({ id: w.callbackId }))
        .attempts,
    ).toBe(0);
  });
});
