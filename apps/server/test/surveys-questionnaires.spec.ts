import { ErrorCode, QuestionnaireDto, SurveyRoutes } from '@linli/contracts';
import { bearer } from './support/login';
import {
  bootSurveyWorld,
  hours,
  iso,
  MONDAY_10AM,
  surveyHelpers,
  SurveyWorld,
} from './support/survey-world';
import { TestApp } from './support/test-app';

let w: SurveyWorld;
let t: TestApp;
let supervisor: string;
let admin: string;

beforeAll(async () => {
  w = await bootSurveyWorld();
  ({ t, supervisor, admin } = w);
}, 120_000);
afterAll(() => t?.close());

const { http } = surveyHelpers(() => w);

describe('questionnaires: drafts, freezing and versions', () => {
  const questions = [
    { id: 'q1', type: 'satisfaction', theme: 'greening', text: '您对绿化满意吗？', required: true },
    {
      id: 'q2',
      type: 'single',
      theme: 'greening',
      text: '修剪及时吗？',
      options: ['及时', '不及时'],
      required: true,
    },
  ];
  it('a supervisor drafts, publishes (frozen), and an edit becomes version 2', async () => {
    const draft = (
      await http()
        .post(SurveyRoutes.questionnaires)
        .set(bearer(supervisor))
        .send({ title: '绿化专项', theme: 'greening', questions })
        .expect(201)
    ).body as QuestionnaireDto;
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    const bad = await http()
      .post(SurveyRoutes.questionnaires)
      .set(bearer(supervisor))
      .send({ title: '绿化专项', theme: 'greening', questions: [questions[1]] })
      .expect(400);
    expect(bad.body.message).toBe('请至少包含一道满意度评分题');
    const unpublished = await http()
      .post(SurveyRoutes.rounds)
      .set(bearer(supervisor))
      .send({
        questionnaireId: draft.id,
        kind: 'ad_hoc',
        title: '绿化调查',
        opensAt: iso(MONDAY_10AM),
        closesAt: iso(hours(48)),
      });
    expect(unpublished.body).toMatchObject({
      code: ErrorCode.SURVEY_STATE,
      message: '请先发布问卷再用于调查',
    });
    const published = (
      await http()
        .post(SurveyRoutes.publishQuestionnaire(draft.id))
        .set(bearer(supervisor))
        .expect(200)
    ).body as QuestionnaireDto;
    expect(published.status).toBe('published');
    const v2 = (
      await http()
        .put(SurveyRoutes.questionnaire(draft.id))
        .set(bearer(supervisor))
        .send({
          title: '绿化专项',
          theme: 'greening',
          questions: [{ ...questions[0], text: '您对小区绿化满意吗？' }, questions[1]],
        })
        .expect(200)
    ).body as QuestionnaireDto;
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.id).not.toBe(draft.id);
    const list = (await http().get(SurveyRoutes.questionnaires).set(bearer(supervisor)).expect(200))
      .body as QuestionnaireDto[];
    expect(list.find((q) => q.id === draft.id)?.questions[0].text).toBe('您对绿化满意吗？');
  });

  it('only an admin makes company-wide templates', async () => {
    const body = {
      title: '全公司房管模板',
      theme: 'housing',
      questions: [
        { id: 'q1', type: 'stars', theme: 'housing', text: '请为管理处打分', required: true },
      ],
      companyWide: true,
    };
    await http().post(SurveyRoutes.questionnaires).set(bearer(supervisor)).send(body).expect(403);
    const made = (
      await http().post(SurveyRoutes.questionnaires).set(bearer(admin)).send(body).expect(201)
    ).body as QuestionnaireDto;
    expect(made.communityId).toBeNull();
  });
});
