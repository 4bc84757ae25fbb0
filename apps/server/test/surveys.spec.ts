import {
  ErrorCode,
  NotificationKind,
  QuestionnaireDto,
  Role,
  SurveyConversationDto,
  SurveyResultsDto,
  SurveyRoundDto,
  SurveyRoutes,
  SurveySummaryDto,
  MySurveyDto,
} from '@linli/contracts';
import * as ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Community } from '../src/modules/org/entities/community.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { SurveyAnswer } from '../src/modules/surveys/entities/survey-answer.entity';
import { SurveyInvite } from '../src/modules/surveys/entities/survey-invite.entity';
import { submitTicket } from './support/builders';
import { bearer, loginOpenid } from './support/login';
import {
  bootSurveyWorld,
  Home,
  hours,
  iso,
  MONDAY_10AM,
  surveyHelpers,
  SurveyWorld,
} from './support/survey-world';
import { monthlyRound } from './support/survey-monthly';
import { TestApp } from './support/test-app';

let w: SurveyWorld;
let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let admin: string;
let guard: string;
let homeHousehold: string;
let homes: Home[];

async function boot(): Promise<void> {
  w = await bootSurveyWorld();
  ({ t, resident, assistant, supervisor, admin, guard, homeHousehold, homes } = w);
}

const { http, inbox, answer, invitesOf } = surveyHelpers(() => w);

describe('a monthly solicitation, end to end, with figures worked out by hand', () => {
  let round: SurveyRoundDto;
  let others: Home[];

  /** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
  beforeEach(async () => {
    await boot();
    round = undefined as unknown as SurveyRoundDto;
    others = [];
  }, 120_000);
  afterEach(() => t?.close());

  it('offers the eight shipped templates to the supervisor', async () => {
    const list = (await http().get(SurveyRoutes.questionnaires).set(bearer(supervisor)).expect(200))
      .body as QuestionnaireDto[];
    expect(list.filter((q) => q.builtin).map((q) => q.id)).toEqual([
      'builtin:housing',
      'builtin:security',
      'builtin:vehicles',
      'builtin:cleaning',
      'builtin:greening',
      'builtin:repairs',
      'builtin:events',
      'builtin:convenience',
    ]);
  });

  it('drafts a round from a template: 5% per building rounded up, stratified, seed stored', async () => {
    const res = await http()
      .post(SurveyRoutes.rounds)
      .set(bearer(supervisor))
      .send({
        questionnaireId: 'builtin:cleaning',
        kind: 'monthly',
        title: '11月清洁卫生意见征询',
        opensAt: iso(MONDAY_10AM),
        closesAt: iso(hours(24 * 7)),
      })
      .expect(201);
    round = res.body as SurveyRoundDto;
    // 1栋: 12 occupied → ceil(0.6) = 1; 2栋: 8 occupied → ceil(0.4) = 1.
    expect(round).toMatchObject({
      status: 'draft',
      occupied: 20,
      invited: 2,
      composition: { random: 2, complainers: 0, manual: 0 },
      questionnaireTitle: '清洁卫生服务意见征询',
      theme: 'cleaning',
    });
    expect(round.composition.byBuilding.map((b) => [b.buildingName, b.occupied, b.random])).toEqual(
      [
        ['1栋', 12, 1],
        ['2栋', 8, 1],
      ],
    );
    expect(Number.isInteger(round.seed)).toBe(true);
    expect(round.allowedActions).toEqual(['add_households', 'send', 'cancel']);
  });

  it('lets the supervisor add households by hand (王女士 and three more), refusing a foreign or empty one', async () => {
    ({ round } = await monthlyRound(w, 'drafted'));
    const drawn = new Set((await invitesOf(round.id)).map((i) => i.householdId));
    others = homes.filter((h) => !drawn.has(h.householdId)).slice(0, 3);
    const wanted = drawn.has(homeHousehold)
      ? others.map((h) => h.householdId)
      : [homeHousehold, ...others.map((h) => h.householdId)];
    const bad = await http()
      .post(SurveyRoutes.roundHouseholds(round.id))
      .set(bearer(supervisor))
      .send({ householdIds: [randomUUID()] })
      .expect(400);
    expect(bad.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '请选择本小区有人居住的住户',
    });
    const res = await http()
      .post(SurveyRoutes.roundHouseholds(round.id))
      .set(bearer(supervisor))
      .send({ householdIds: wanted })
      .expect(200);
    round = res.body as SurveyRoundDto;
    expect(round.invited).toBe(drawn.has(homeHousehold) ? 5 : 6);
    if (round.invited === 5) {
      // The draw already picked 王女士: add one more so the figures below stay as worked out.
      const extra = homes.find((h) => !drawn.has(h.householdId) && !others.includes(h))!;
      round = (
        await http()
          .post(SurveyRoutes.roundHouseholds(round.id))
          .set(bearer(supervisor))
          .send({ householdIds: [extra.householdId] })
          .expect(200)
      ).body as SurveyRoundDto;
    }
    expect(round.invited).toBe(6);
  });

  it('a resident cannot answer before the round is sent', async () => {
    ({ round } = await monthlyRound(w, 'householdsAdded'));
    await answer(resident, round.id, { questionId: 'q1', value: '满意' }).expect(404);
  });

  it('sends: invitations reach every invited household’s inbox, opening the questionnaire', async () => {
    ({ round } = await monthlyRound(w, 'householdsAdded'));
    round = (
      await http().post(SurveyRoutes.roundSend(round.id)).set(bearer(supervisor)).expect(200)
    ).body as SurveyRoundDto;
    expect(round.status).toBe('open');
    const mine = (await inbox(resident)).find((n) => n.kind === NotificationKind.SurveyInvite);
    expect(mine?.title).toBe('邀请您参加：11月清洁卫生意见征询');
    const list = (await http().get(SurveyRoutes.mine).set(bearer(resident)).expect(200))
      .body as MySurveyDto[];
    expect(list).toEqual([
      expect.objectContaining({
        roundId: round.id,
        answered: 0,
        total: 4,
        completed: false,
        canAnswer: true,
      }),
    ]);
    await http().post(SurveyRoutes.roundSend(round.id)).set(bearer(supervisor)).expect(409);
  });

  it('王女士 answers half, leaves, and resumes where she left off', async () => {
    ({ round } = await monthlyRound(w, 'sent'));
    const first = (
      await http().get(SurveyRoutes.conversation(round.id)).set(bearer(resident)).expect(200)
    ).body as SurveyConversationDto;
    expect(first).toMatchObject({
      next: { id: 'q1', type: 'satisfaction' },
      progress: { answered: 0, total: 4 },
      completed: false,
      turns: [],
    });
    await answer(resident, round.id, { questionId: 'q1', value: '满意' }).expect(201);
    const half = (await answer(resident, round.id, { questionId: 'q2', value: 5 }).expect(201))
      .body as SurveyConversationDto;
    expect(half.progress).toEqual({ answered: 2, total: 4 });
    const resumed = (
      await http().get(SurveyRoutes.conversation(round.id)).set(bearer(resident)).expect(200)
    ).body as SurveyConversationDto;
    expect(resumed.next?.id).toBe('q3');
    expect(resumed.turns.map((x) => x.answerText)).toEqual(['满意', '★★★★★（5 星）']);
  });

  it('refuses a bad answer with {code, message} and writes nothing', async () => {
    ({ round } = await monthlyRound(w, 'wangHalf'));
    const before = await t.dataSource.getRepository(SurveyAnswer).count();
    const bad = await answer(resident, round.id, { questionId: 'q3', value: '还行吧' }).expect(400);
    expect(bad.body).toMatchObject({
      code: ErrorCode.SURVEY_ANSWER_INVALID,
      message: '请选择一个选项',
    });
    await answer(resident, round.id, { questionId: 'q9', value: '及时' }).expect(400);
    await answer(resident, round.id, { questionId: 'q2', value: 6 }).expect(400);
    expect(await t.dataSource.getRepository(SurveyAnswer).count()).toBe(before);
  });

  it('any member of the household may finish; the first to answer the last question completes it, once', async () => {
    ({ round } = await monthlyRound(w, 'wangHalf'));
    // 王先生, her husband, gets his own account on the same household and finishes the questionnaire.
    const husband = await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `test-${randomUUID()}`,
      name: '王先生',
      phone: null,
      role: Role.Resident,
      householdId: homeHousehold,
      communityId: round.communityId,
      createdAt: t.clock.now(),
    });
    const token = (await loginOpenid(t, husband.openid!)).token;
    await answer(token, round.id, { questionId: 'q3', value: '及时' }).expect(201);
    const done = (
      await answer(token, round.id, { questionId: 'q4', value: '楼道偶尔有异味' }).expect(201)
    ).body as SurveyConversationDto;
    expect(done).toMatchObject({
      completed: true,
      next: null,
      progress: { answered: 4, total: 4 },
    });
    expect(done.thanks).toContain('感谢');
    const again = await answer(resident, round.id, { questionId: 'q1', value: '不满意' }).expect(
      409,
    );
    expect(again.body).toMatchObject({
      code: ErrorCode.SURVEY_ALREADY_COMPLETED,
      message: '您家已提交过本轮问卷，感谢参与',
    });
  });

  it('a second household completes (dissatisfied), a third only starts; an uninvited household is refused', async () => {
    ({ round, others } = await monthlyRound(w, 'husbandDone'));
    const [h2, h3] = others;
    for (const [q, v] of [
      ['q1', '不满意'],
      ['q2', 2],
      ['q3', '经常不及时'],
      ['q4', '垃圾桶满了没人清'],
    ] as const)
      await answer(h2.token, round.id, { questionId: q, value: v }).expect(201);
    await answer(h3.token, round.id, { questionId: 'q1', value: '满意' }).expect(201);
    const invited = new Set((await invitesOf(round.id)).map((i) => i.householdId));
    const outsider = homes.find((h) => !invited.has(h.householdId))!;
    const refused = await answer(outsider.token, round.id, {
      questionId: 'q1',
      value: '满意',
    }).expect(403);
    expect(refused.body.code).toBe(ErrorCode.SURVEY_NOT_INVITED);
  });

  it('results: 2 of 6 responded (33.3%, docked 3), 2 of 4 rating answers satisfied (50%) → 47%', async () => {
    ({ round } = await monthlyRound(w, 'othersAnswered'));
    await http().post(SurveyRoutes.roundClose(round.id)).set(bearer(supervisor)).expect(200);
    const r = (
      await http().get(SurveyRoutes.roundResults(round.id)).set(bearer(supervisor)).expect(200)
    ).body as SurveyResultsDto;
    expect(r).toMatchObject({
      invited: 6,
      responded: 2,
      responseRate: { n: 2, of: 6, percent: 33.3 },
      satisfaction: { n: 2, of: 4, percent: 50 },
      penalty: 3,
      adjustedSatisfaction: 47,
      target: 90,
    });
    expect(r.byTheme).toEqual([
      { theme: 'cleaning', satisfaction: { n: 2, of: 4, percent: 50 }, belowTarget: true },
    ]);
    const q1 = r.questions.find((q) => q.questionId === 'q1')!;
    expect(q1.counts).toEqual([
      { label: '满意', n: 1 },
      { label: '基本满意', n: 0 },
      { label: '不满意', n: 1 },
    ]);
    const q4 = r.questions.find((q) => q.questionId === 'q4')!;
    expect(q4.texts?.map((x) => [x.text, x.room]).sort()).toEqual([
      ['垃圾桶满了没人清', null],
      ['楼道偶尔有异味', null],
    ]);
    expect(r.householdAnswersVisible).toBe(false);
  });

  it('the supervisor tags reasons and the Pareto chart orders them', async () => {
    ({ round } = await monthlyRound(w, 'closed'));
    const r = (
      await http().get(SurveyRoutes.roundResults(round.id)).set(bearer(supervisor)).expect(200)
    ).body as SurveyResultsDto;
    const texts = r.questions.find((q) => q.questionId === 'q4')!.texts!;
    for (const x of texts)
      await http()
        .put(SurveyRoutes.answerTag(x.answerId))
        .set(bearer(supervisor))
        .send({ tag: x.text.includes('垃圾') ? '清运不及时' : '异味' })
        .expect(200);
    const q1Answer = await t.dataSource
      .getRepository(SurveyAnswer)
      .findOneByOrFail({ roundId: round.id, questionId: 'q1' });
    await http()
      .put(SurveyRoutes.answerTag(q1Answer.id))
      .set(bearer(supervisor))
      .send({ tag: 'x' })
      .expect(400);
    const after = (
      await http().get(SurveyRoutes.roundResults(round.id)).set(bearer(supervisor)).expect(200)
    ).body as SurveyResultsDto;
    expect(after.pareto).toEqual([
      { tag: '异味', n: 1, cumulativePercent: 50 },
      { tag: '清运不及时', n: 1, cumulativePercent: 100 },
    ]);
  });

  it('shows households’ answers to staff only where the company allows it', async () => {
    ({ round, others } = await monthlyRound(w, 'tagged'));
    await http()
      .put(SurveyRoutes.settings)
      .set(bearer(supervisor))
      .send({
        staffSeeHouseholdAnswers: true,
        recontactDays: 90,
        reminderHoursBeforeClose: 48,
        monthlyRatePercent: 5,
        annualRatePercent: 50,
        targetPercent: 90,
      })
      .expect(403);
    await http()
      .put(SurveyRoutes.settings)
      .set(bearer(admin))
      .send({
        staffSeeHouseholdAnswers: true,
        recontactDays: 90,
        reminderHoursBeforeClose: 48,
        monthlyRatePercent: 4,
        annualRatePercent: 50,
        targetPercent: 90,
      })
      .expect(400);
    await http()
      .put(SurveyRoutes.settings)
      .set(bearer(admin))
      .send({
        staffSeeHouseholdAnswers: true,
        recontactDays: 90,
        reminderHoursBeforeClose: 48,
        monthlyRatePercent: 5,
        annualRatePercent: 50,
        targetPercent: 90,
      })
      .expect(200);
    const r = (
      await http().get(SurveyRoutes.roundResults(round.id)).set(bearer(supervisor)).expect(200)
    ).body as SurveyResultsDto;
    expect(
      r.questions
        .find((q) => q.questionId === 'q4')!
        .texts!.map((x) => x.room)
        .sort(),
    ).toEqual([others[0].room, '1栋1单元101室'].sort());
    await http()
      .put(SurveyRoutes.settings)
      .set(bearer(admin))
      .send({
        staffSeeHouseholdAnswers: false,
        recontactDays: 90,
        reminderHoursBeforeClose: 48,
        monthlyRatePercent: 5,
        annualRatePercent: 50,
        targetPercent: 90,
      })
      .expect(200);
  });

  it('exports the results and answers to Excel', async () => {
    ({ round } = await monthlyRound(w, 'tagged'));
    const res = await http()
      .get(SurveyRoutes.roundExport(round.id))
      .set(bearer(supervisor))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(4).values).toEqual([undefined, '回收率(%)', 33.3]);
    expect(summary.getRow(7).values).toEqual([undefined, '扣分后满意率(%)', 47]);
    expect(wb.getWorksheet('答卷明细')!.rowCount).toBe(3);
  });

  it('residents see nothing before the results are published, then the headline and what will improve', async () => {
    ({ round } = await monthlyRound(w, 'tagged'));
    await http().get(SurveyRoutes.summary(round.id)).set(bearer(resident)).expect(404);
    await http().get(SurveyRoutes.roundResults(round.id)).set(bearer(resident)).expect(403);
    const bad = await http()
      .post(SurveyRoutes.roundPublishResults(round.id))
      .set(bearer(supervisor))
      .send({ improvements: '' })
      .expect(400);
    expect(bad.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    await http()
      .post(SurveyRoutes.roundPublishResults(round.id))
      .set(bearer(supervisor))
      .send({ improvements: '垃圾清运改为每天两次，楼道每周消毒' })
      .expect(200);
    const notice = (await inbox(homes[10].token)).find(
      (n) => n.title === '调查结果公布：11月清洁卫生意见征询',
    );
    expect(notice?.body).toBe(
      '回收率 33.3%，满意率 47%（按回收率规则已扣 3 分）。我们将改进：垃圾清运改为每天两次，楼道每周消毒',
    );
    const summary = (
      await http().get(SurveyRoutes.summary(round.id)).set(bearer(resident)).expect(200)
    ).body as SurveySummaryDto;
    expect(summary).toMatchObject({
      responseRate: 33.3,
      adjustedSatisfaction: 47,
      improvements: '垃圾清运改为每天两次，楼道每周消毒',
    });
  });

  it('after the window, an answer is refused politely', async () => {
    ({ round, others } = await monthlyRound(w, 'published'));
    const [, , h3] = others;
    const late = await answer(h3.token, round.id, { questionId: 'q2', value: 4 }).expect(410);
    expect(late.body).toMatchObject({
      code: ErrorCode.SURVEY_WINDOW_CLOSED,
      message: '本轮调查已结束，感谢您的关注，结果公布后会通知您',
    });
  });
});

describe('an annual survey: 50% at random plus every complainer, counted apart; the recontact window', () => {
  beforeEach(boot, 120_000);
  afterEach(() => t?.close());

  it('includes the complainer and keeps last month’s households out of the random draw', async () => {
    await monthlyRound(w, 'published');
    const surveyed = new Set(
      (await t.dataSource.getRepository(SurveyInvite).find()).map((i) => i.householdId),
    );
    const complainer = homes.find((h) => !surveyed.has(h.householdId))!;
    await submitTicket(t, complainer.token, {
      categoryCode: 'complaint_general',
      description: '夜里装修噪音没人管',
    });
    const res = await http()
      .post(SurveyRoutes.rounds)
      .set(bearer(supervisor))
      .send({
        questionnaireId: 'builtin:housing',
        kind: 'annual',
        title: '2026年度满意度调查',
        opensAt: iso(MONDAY_10AM),
        closesAt: iso(hours(24 * 14)),
      })
      .expect(201);
    const round = res.body as SurveyRoundDto;
    const invites = await invitesOf(round.id);
    expect(invites.filter((i) => i.source === 'complainer').map((i) => i.householdId)).toEqual([
      complainer.householdId,
    ]);
    // 1栋 12 → 6, 2栋 8 → 4, drawn among households not surveyed in the last 90 days (the 6 of the monthly round).
    // (a building the window empties too much draws fewer: the shortfall says by how many).
    expect(round.composition.complainers).toBe(1);
    expect(round.composition.random + round.shortfall).toBe(10);
    expect(round.recontactExcluded).toBe(6);
    expect(
      invites.filter((i) => i.source === 'random').some((i) => surveyed.has(i.householdId)),
    ).toBe(false);
    await http().post(SurveyRoutes.roundCancel(round.id)).set(bearer(supervisor)).expect(200);
  });
});

describe('authorisation of every survey route', () => {
  let roundId: string;
  let answerId: string;
  let foreignSupervisor: string;
  // Every case below only reads (each call is refused), so they share one world: the monthly round as
  // the first describe leaves it, built here rather than by earlier tests.
  beforeAll(async () => {
    await boot();
    await monthlyRound(w, 'published');
    roundId = (
      await t.dataSource.getRepository(SurveyInvite).findOneByOrFail({ householdId: homeHousehold })
    ).roundId;
    answerId = (await t.dataSource.getRepository(SurveyAnswer).findOneByOrFail({ roundId })).id;
    const own = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
    const other = await t.dataSource.getRepository(Community).save({
      id: randomUUID(),
      companyId: own.companyId,
      name: '翠湖苑',
      createdAt: t.clock.now(),
    });
    const openid = `test-${randomUUID()}`;
    await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid,
      name: '钱主任',
      phone: null,
      role: Role.Supervisor,
      householdId: null,
      communityId: other.id,
      createdAt: t.clock.now(),
    });
    foreignSupervisor = (await loginOpenid(t, openid)).token;
  }, 120_000);
  afterAll(() => t?.close());

  const office: [string, (id: string, a: string) => string][] = [
    ['GET', () => SurveyRoutes.questionnaires],
    ['POST', () => SurveyRoutes.questionnaires],
    ['PUT', (id) => SurveyRoutes.questionnaire(id)],
    ['POST', (id) => SurveyRoutes.publishQuestionnaire(id)],
    ['GET', () => SurveyRoutes.rounds],
    ['POST', () => SurveyRoutes.rounds],
    ['GET', (id) => SurveyRoutes.round(id)],
    ['POST', (id) => SurveyRoutes.roundHouseholds(id)],
    ['POST', (id) => SurveyRoutes.roundSend(id)],
    ['POST', (id) => SurveyRoutes.roundClose(id)],
    ['POST', (id) => SurveyRoutes.roundCancel(id)],
    ['GET', (id) => SurveyRoutes.roundResults(id)],
    ['GET', (id) => SurveyRoutes.roundExport(id)],
    ['POST', (id) => SurveyRoutes.roundPublishResults(id)],
    ['PUT', (_id, a) => SurveyRoutes.answerTag(a)],
    ['GET', () => SurveyRoutes.settings],
    ['PUT', () => SurveyRoutes.settings],
  ];
  const call = (method: string, url: string, token: string) => {
    const req =
      method === 'GET' ? http().get(url) : method === 'PUT' ? http().put(url) : http().post(url);
    return req.set(bearer(token)).send({});
  };

  it.each(office)('%s %p refuses residents, assistants and the guard', async (method, route) => {
    for (const token of [resident, assistant, guard])
      await call(method, route(roundId, answerId), token).expect(403);
  });

  it.each(['GET', 'POST'])('residents’ routes (%s) refuse staff', async (method) => {
    const url =
      method === 'GET' ? SurveyRoutes.conversation(roundId) : SurveyRoutes.answers(roundId);
    for (const token of [assistant, supervisor, admin, guard])
      await call(method, url, token).expect(403);
    for (const token of [supervisor, guard])
      await call('GET', SurveyRoutes.mine, token).expect(403);
    for (const token of [supervisor, guard])
      await call('GET', SurveyRoutes.summary(roundId), token).expect(403);
  });

  it('another community’s supervisor finds nothing of this round', async () => {
    for (const url of [
      SurveyRoutes.round(roundId),
      SurveyRoutes.roundResults(roundId),
      SurveyRoutes.roundExport(roundId),
    ]) {
      const res = await http().get(url).set(bearer(foreignSupervisor)).expect(404);
      expect(res.body.code).toBe(ErrorCode.SURVEY_NOT_FOUND);
    }
    await http()
      .put(SurveyRoutes.answerTag(answerId))
      .set(bearer(foreignSupervisor))
      .send({ tag: '偷看' })
      .expect(404);
    const rounds = (
      await http().get(SurveyRoutes.rounds).set(bearer(foreignSupervisor)).expect(200)
    ).body.items as SurveyRoundDto[];
    expect(rounds).toEqual([]);
  });
});
