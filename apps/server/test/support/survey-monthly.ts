import { Role, SurveyResultsDto, SurveyRoundDto, SurveyRoutes } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { User } from '../../src/modules/org/entities/user.entity';
import { bearer, loginOpenid } from './login';
import { Home, hours, iso, MONDAY_10AM, surveyHelpers, SurveyWorld } from './survey-world';

const helpers = (w: SurveyWorld) => surveyHelpers(() => w);

/** The monthly round of the first describe, as its tests leave it, stage by stage. */
export interface Monthly {
  round: SurveyRoundDto;
  /** Three invited households besides 王女士's, not drawn at random. */
  others: Home[];
}
const STAGES = [
  'drafted',
  'householdsAdded',
  'sent',
  'wangHalf',
  'husbandDone',
  'othersAnswered',
  'closed',
  'tagged',
  'published',
] as const;
export type Stage = (typeof STAGES)[number];
const STEPS: Record<Stage, (w: SurveyWorld, m: Monthly) => Promise<void>> = {
  drafted: async (w, m) => {
    m.round = (
      await helpers(w)
        .http()
        .post(SurveyRoutes.rounds)
        .set(bearer(w.supervisor))
        .send({
          questionnaireId: 'builtin:cleaning',
          kind: 'monthly',
          title: '11月清洁卫生意见征询',
          opensAt: iso(MONDAY_10AM),
          closesAt: iso(hours(24 * 7)),
        })
        .expect(201)
    ).body as SurveyRoundDto;
  },
  householdsAdded: async (w, m) => {
    const drawn = new Set((await helpers(w).invitesOf(m.round.id)).map((i) => i.householdId));
    m.others = w.homes.filter((h) => !drawn.has(h.householdId)).slice(0, 3);
    const extra = w.homes.find((h) => !drawn.has(h.householdId) && !m.others.includes(h))!;
    const wanted = drawn.has(w.homeHousehold)
      ? [...m.others, extra].map((h) => h.householdId)
      : [w.homeHousehold, ...m.others.map((h) => h.householdId)];
    m.round = (
      await helpers(w)
        .http()
        .post(SurveyRoutes.roundHouseholds(m.round.id))
        .set(bearer(w.supervisor))
        .send({ householdIds: wanted })
        .expect(200)
    ).body as SurveyRoundDto;
  },
  sent: async (w, m) => {
    m.round = (
      await helpers(w)
        .http()
        .post(SurveyRoutes.roundSend(m.round.id))
        .set(bearer(w.supervisor))
        .expect(200)
    ).body as SurveyRoundDto;
  },
  wangHalf: async (w, m) => {
    await helpers(w)
      .answer(w.resident, m.round.id, { questionId: 'q1', value: '满意' })
      .expect(201);
    await helpers(w).answer(w.resident, m.round.id, { questionId: 'q2', value: 5 }).expect(201);
  },
  husbandDone: async (w, m) => {
    const husband = await w.t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `test-${randomUUID()}`,
      name: '王先生',
      phone: null,
      role: Role.Resident,
      householdId: w.homeHousehold,
      communityId: m.round.communityId,
      createdAt: w.t.clock.now(),
    });
    const token = (await loginOpenid(w.t, husband.openid!)).token;
    await helpers(w).answer(token, m.round.id, { questionId: 'q3', value: '及时' }).expect(201);
    await helpers(w)
      .answer(token, m.round.id, { questionId: 'q4', value: '楼道偶尔有异味' })
      .expect(201);
  },
  othersAnswered: async (w, m) => {
    const [h2, h3] = m.others;
    for (const [q, v] of [
      ['q1', '不满意'],
      ['q2', 2],
      ['q3', '经常不及时'],
      ['q4', '垃圾桶满了没人清'],
    ] as const)
      await helpers(w).answer(h2.token, m.round.id, { questionId: q, value: v }).expect(201);
    await helpers(w).answer(h3.token, m.round.id, { questionId: 'q1', value: '满意' }).expect(201);
  },
  closed: async (w, m) => {
    await helpers(w)
      .http()
      .post(SurveyRoutes.roundClose(m.round.id))
      .set(bearer(w.supervisor))
      .expect(200);
  },
  tagged: async (w, m) => {
    const r = (
      await helpers(w)
        .http()
        .get(SurveyRoutes.roundResults(m.round.id))
        .set(bearer(w.supervisor))
        .expect(200)
    ).body as SurveyResultsDto;
    for (const x of r.questions.find((q) => q.questionId === 'q4')!.texts!)
      await helpers(w)
        .http()
        .put(SurveyRoutes.answerTag(x.answerId))
        .set(bearer(w.supervisor))
        .send({ tag: x.text.includes('垃圾') ? '清运不及时' : '异味' })
        .expect(200);
  },
  published: async (w, m) => {
    await helpers(w)
      .http()
      .post(SurveyRoutes.roundPublishResults(m.round.id))
      .set(bearer(w.supervisor))
      .send({ improvements: '垃圾清运改为每天两次，楼道每周消毒' })
      .expect(200);
  },
};
/** Replays the monthly round's steps up to and including `until` (what the earlier tests did). */
export async function monthlyRound(w: SurveyWorld, until: Stage): Promise<Monthly> {
  const m = {} as Monthly;
  for (const stage of STAGES) {
    await STEPS[stage](w, m);
    if (stage === until) break;
  }
  return m;
}
