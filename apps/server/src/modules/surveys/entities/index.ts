import { Questionnaire } from './questionnaire.entity';
import { SurveyAnswer } from './survey-answer.entity';
import { SurveyInvite } from './survey-invite.entity';
import { SurveyRound } from './survey-round.entity';
import { SurveySettings } from './survey-settings.entity';

export { Questionnaire, SurveyAnswer, SurveyInvite, SurveyRound, SurveySettings };
export const SURVEY_ENTITIES = [
  Questionnaire,
  SurveyRound,
  SurveyInvite,
  SurveyAnswer,
  SurveySettings,
];
