import { SurveysEndpoints as E } from '@linli/contracts';
import { call, createClient, page } from '../request/client';

/** The questionnaire routes, generated from the endpoint map (`SurveysEndpoints`). */
export const surveysApi = {
  ...createClient(E),
  rounds: (cursor: string | null = null) => call(E.rounds, page(cursor)),
};

export { SURVEYS_MINE_PAGE, SURVEY_ROUNDS_PAGE } from '../app/routes';
export const surveyAnswerPage = (roundId: string) =>
  `/subpackages/surveys/answer/index?roundId=${encodeURIComponent(roundId)}`;
export const surveyResultsPage = (roundId: string) =>
  `/subpackages/surveys/results/index?roundId=${encodeURIComponent(roundId)}`;
