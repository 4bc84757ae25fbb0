import { SurveyRoundDto, SurveyRoutes } from '@linli/contracts';
import { SurveySweeper } from '../src/modules/surveys/survey-sweeper.service';
import { bearer } from './support/login';
import {
  bootSurveyWorld,
  Home,
  iso,
  MONDAY_10AM,
  surveyHelpers,
  SurveyWorld,
} from './support/survey-world';
import { TestApp } from './support/test-app';

let w: SurveyWorld;
let t: TestApp;
let supervisor: string;
let homes: Home[];

beforeAll(async () => {
  w = await bootSurveyWorld();
  ({ t, supervisor, homes } = w);
}, 120_000);
afterAll(() => t?.close());

const { http, inbox, answer } = surveyHelpers(() => w);

describe('the reminder sweep: once, before the close, never in quiet hours; then the window ends', () => {
  it('waits out the night, reminds only those who have not answered, and closes at the end', async () => {
    const sweeper = t.app.get(SurveySweeper);
    // Closes Thursday 23:30 China time; 48 h before is Tuesday 23:30: quiet hours.
    const closesAt = new Date('2026-11-26T15:30:00Z');
    const round = (
      await http()
        .post(SurveyRoutes.rounds)
        .set(bearer(supervisor))
        .send({
          questionnaireId: 'builtin:repairs',
          kind: 'ad_hoc',
          title: '维修服务回访调查',
          opensAt: iso(MONDAY_10AM),
          closesAt: iso(closesAt),
        })
        .expect(201)
    ).body as SurveyRoundDto;
    const [a, b] = homes.slice(15, 17);
    await http()
      .post(SurveyRoutes.roundHouseholds(round.id))
      .set(bearer(supervisor))
      .send({ householdIds: [a.householdId, b.householdId] })
      .expect(200);
    await http().post(SurveyRoutes.roundSend(round.id)).set(bearer(supervisor)).expect(200);
    for (const [q, v] of [
      ['q1', '满意'],
      ['q2', 4],
      ['q3', '一次解决'],
      ['q4', ''],
    ] as const)
      await answer(a.token, round.id, { questionId: q, value: v }).expect(201);
    expect(await sweeper.sweep()).toMatchObject({ reminded: 0, closed: 0 });
    t.clock.set({ now: new Date('2026-11-24T15:30:00Z'), freeze: true });
    expect(await sweeper.sweep()).toMatchObject({ checked: 1, reminded: 0 });
    t.clock.set({ now: new Date('2026-11-25T00:00:00Z'), freeze: true }); // Wednesday 08:00 China time
    expect(await sweeper.sweep()).toMatchObject({ reminded: 1 });
    expect(await sweeper.sweep()).toMatchObject({ checked: 0 });
    const reminders = async (h: Home) =>
      (await inbox(h.token)).filter((n) => n.title === '提醒：维修服务回访调查即将结束');
    expect(await reminders(b)).toHaveLength(1);
    expect(await reminders(a)).toHaveLength(0);
    t.clock.set({ now: closesAt, freeze: true });
    expect(await sweeper.sweep()).toMatchObject({ closed: 1 });
    const after = (
      await http().get(SurveyRoutes.round(round.id)).set(bearer(supervisor)).expect(200)
    ).body as SurveyRoundDto;
    expect(after).toMatchObject({ status: 'closed', completed: 1 });
    t.clock.set({ now: MONDAY_10AM, freeze: true });
  });
});
