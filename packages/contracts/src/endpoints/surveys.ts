import type {
  AddRoundHouseholdsRequest,
  CreateSurveyRoundRequest,
  FileBody,
  MySurveyDto,
  Page,
  PageQuery,
  PublishSurveyResultsRequest,
  QuestionnaireDto,
  SaveQuestionnaireRequest,
  SurveyAnswerInput,
  SurveyConversationDto,
  SurveyResultsDto,
  SurveyRoundDto,
  SurveySettingsDto,
  SurveySummaryDto,
  TagAnswerRequest,
} from '..';
import { get, post, put } from './endpoint';

/** surveys: the routes its controllers declare (surveys). */
export const surveysEndpoints = {
  mine: get('/api/surveys/mine')<void, MySurveyDto[]>(),
  conversation: get('/api/surveys/rounds/:id/conversation')<void, SurveyConversationDto>(),
  answer: post('/api/surveys/rounds/:id/answers')<SurveyAnswerInput, SurveyConversationDto>(),
  summary: get('/api/surveys/rounds/:id/summary')<void, SurveySummaryDto>(),
  questionnaires: get('/api/surveys/questionnaires')<void, QuestionnaireDto[]>(),
  createQuestionnaire: post('/api/surveys/questionnaires')<
    SaveQuestionnaireRequest,
    QuestionnaireDto
  >(),
  updateQuestionnaire: put('/api/surveys/questionnaires/:id')<
    SaveQuestionnaireRequest,
    QuestionnaireDto
  >(),
  publishQuestionnaire: post('/api/surveys/questionnaires/:id/publish')<void, QuestionnaireDto>(),
  rounds: get('/api/surveys/rounds')<PageQuery, Page<SurveyRoundDto>>(),
  createRound: post('/api/surveys/rounds')<CreateSurveyRoundRequest, SurveyRoundDto>(),
  round: get('/api/surveys/rounds/:id')<void, SurveyRoundDto>(),
  addHouseholds: post('/api/surveys/rounds/:id/households')<
    AddRoundHouseholdsRequest,
    SurveyRoundDto
  >(),
  send: post('/api/surveys/rounds/:id/send')<void, SurveyRoundDto>(),
  close: post('/api/surveys/rounds/:id/close')<void, SurveyRoundDto>(),
  cancel: post('/api/surveys/rounds/:id/cancel')<void, SurveyRoundDto>(),
  results: get('/api/surveys/rounds/:id/results')<void, SurveyResultsDto>(),
  exportRound: get('/api/surveys/rounds/:id/export')<void, FileBody>(),
  publishResults: post('/api/surveys/rounds/:id/publish-results')<
    PublishSurveyResultsRequest,
    SurveyRoundDto
  >(),
  tag: put('/api/surveys/answers/:id/tag')<
    TagAnswerRequest,
    { answerId: string; tag: string | null }
  >(),
  settings: get('/api/surveys/settings')<void, SurveySettingsDto>(),
  saveSettings: put('/api/surveys/settings')<SurveySettingsDto, SurveySettingsDto>(),
};
