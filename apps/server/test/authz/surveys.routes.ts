// Questionnaires and survey rounds: 明月二期's draft questionnaire and its round (sent, answered by its
// only household), out of every walker's reach (no walker lives or works in 明月二期).
import { SurveyRoundKind, SurveyTheme, QuestionType } from '@linli/contracts';
import type { Row } from './walk';

const round = (w: { surveyRoundId: string }) => ({ id: w.surveyRoundId });
const questionnaire = (w: { questionnaireId: string }) => ({ id: w.questionnaireId });
const draft = () => ({
  title: '走查问卷',
  theme: SurveyTheme.Cleaning,
  questions: [
    {
      id: 'q1',
      type: QuestionType.Stars,
      theme: SurveyTheme.Cleaning,
      text: '走查题目',
      required: true,
    },
  ],
});
const days = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

export const rows: Row[] = [
  // The office's side.
  { route: 'GET /api/surveys/questionnaires', kind: 'own' },
  // A draft for the caller's own community (or company): the request names nothing foreign.
  { route: 'POST /api/surveys/questionnaires', kind: 'own', body: draft },
  {
    route: 'PUT /api/surveys/questionnaires/:id',
    kind: 'foreign',
    params: questionnaire,
    body: draft,
  },
  { route: 'POST /api/surveys/questionnaires/:id/publish', kind: 'foreign', params: questionnaire },
  { route: 'GET /api/surveys/rounds', kind: 'own' },
  // `communityId` is the admin's choice; a supervisor's round is always their own community's, whatever the body
  // names. So this row may succeed (a draft in the caller's own community), but an admin of another company
  // naming 明月二期 is refused, and no round appears in 明月二期 (checked after the walk).
  {
    route: 'POST /api/surveys/rounds',
    kind: 'own',
    body: (w) => ({
      questionnaireId: 'builtin:cleaning',
      kind: SurveyRoundKind.AdHoc,
      title: '走查调查',
      opensAt: days(0),
      closesAt: days(7),
      communityId: w.community2Id,
    }),
  },
  { route: 'GET /api/surveys/rounds/:id', kind: 'foreign', params: round },
  {
    route: 'POST /api/surveys/rounds/:id/households',
    kind: 'foreign',
    params: round,
    body: (w) => ({ householdIds: [w.household2Id] }),
  },
  { route: 'POST /api/surveys/rounds/:id/send', kind: 'foreign', params: round },
  { route: 'POST /api/surveys/rounds/:id/close', kind: 'foreign', params: round },
  { route: 'POST /api/surveys/rounds/:id/cancel', kind: 'foreign', params: round },
  { route: 'GET /api/surveys/rounds/:id/results', kind: 'foreign', params: round },
  { route: 'GET /api/surveys/rounds/:id/export', kind: 'foreign', params: round },
  {
    route: 'POST /api/surveys/rounds/:id/publish-results',
    kind: 'foreign',
    params: round,
    body: () => ({ improvements: '走查：加强垃圾房清洗' }),
  },
  {
    route: 'PUT /api/surveys/answers/:id/tag',
    kind: 'foreign',
    params: (w) => ({ id: w.surveyAnswerId }),
    body: () => ({ tag: '走查标签' }),
  },
  // The caller's own company's settings (no company in the request).
  { route: 'GET /api/surveys/settings', kind: 'own' },
  {
    route: 'PUT /api/surveys/settings',
    kind: 'own',
    body: () => ({
      staffSeeHouseholdAnswers: false,
      recontactDays: 90,
      reminderHoursBeforeClose: 24,
      monthlyRatePercent: 10,
      annualRatePercent: 50,
      targetPercent: 85,
    }),
  },
  // The resident's side.
  { route: 'GET /api/surveys/mine', kind: 'own' },
  { route: 'GET /api/surveys/rounds/:id/conversation', kind: 'foreign', params: round },
  {
    route: 'POST /api/surveys/rounds/:id/answers',
    kind: 'foreign',
    params: round,
    body: () => ({ questionId: 'q1', value: '满意' }),
  },
  { route: 'GET /api/surveys/rounds/:id/summary', kind: 'foreign', params: round },
];
