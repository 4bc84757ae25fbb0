import {
  AddRoundHouseholdsRequest,
  CreateSurveyRoundRequest,
  MySurveyDto,
  Page,
  PublishSurveyResultsRequest,
  QuestionnaireDto,
  SurveyAnswerInput,
  SurveyConversationDto,
  SurveyResultsDto,
  SurveyRoundDto,
  SurveyRoutes,
  SurveySummaryDto,
  TagAnswerRequest,
} from '@linli/contracts';
import { request } from './http';
import { pageQuery } from './paged-list';

/** The questionnaire routes (kept apart from api.ts, which every feature edits). */
export const surveysApi = {
  questionnaires: () => request<QuestionnaireDto[]>('GET', SurveyRoutes.questionnaires),
  rounds: (cursor: string | null = null) =>
    request<Page<SurveyRoundDto>>('GET', `${SurveyRoutes.rounds}${pageQuery({}, cursor)}`),
  round: (id: string) => request<SurveyRoundDto>('GET', SurveyRoutes.round(id)),
  createRound: (body: CreateSurveyRoundRequest) =>
    request<SurveyRoundDto>('POST', SurveyRoutes.rounds, body),
  addHouseholds: (id: string, body: AddRoundHouseholdsRequest) =>
    request<SurveyRoundDto>('POST', SurveyRoutes.roundHouseholds(id), body),
  send: (id: string) => request<SurveyRoundDto>('POST', SurveyRoutes.roundSend(id), {}),
  close: (id: string) => request<SurveyRoundDto>('POST', SurveyRoutes.roundClose(id), {}),
  cancel: (id: string) => request<SurveyRoundDto>('POST', SurveyRoutes.roundCancel(id), {}),
  results: (id: string) => request<SurveyResultsDto>('GET', SurveyRoutes.roundResults(id)),
  publishResults: (id: string, body: PublishSurveyResultsRequest) =>
    request<SurveyRoundDto>('POST', SurveyRoutes.roundPublishResults(id), body),
  tag: (answerId: string, body: TagAnswerRequest) =>
    request<{ answerId: string; tag: string | null }>(
      'PUT',
      SurveyRoutes.answerTag(answerId),
      body,
    ),
  mine: () => request<MySurveyDto[]>('GET', SurveyRoutes.mine),
  conversation: (roundId: string) =>
    request<SurveyConversationDto>('GET', SurveyRoutes.conversation(roundId)),
  answer: (roundId: string, body: SurveyAnswerInput) =>
    request<SurveyConversationDto>('POST', SurveyRoutes.answers(roundId), body),
  summary: (roundId: string) => request<SurveySummaryDto>('GET', SurveyRoutes.summary(roundId)),
};

export { SURVEYS_MINE_PAGE, SURVEY_ROUNDS_PAGE } from './routes';
export const surveyAnswerPage = (roundId: string) =>
  `/subpackages/surveys/answer/index?roundId=${encodeURIComponent(roundId)}`;
export const surveyResultsPage = (roundId: string) =>
  `/subpackages/surveys/results/index?roundId=${encodeURIComponent(roundId)}`;
