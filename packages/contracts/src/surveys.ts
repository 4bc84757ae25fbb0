/**
 * Satisfaction questionnaires (满意度调查, domain brief §9): questionnaires, rounds, the in-chat
 * answering conversation and the results. The answering shapes are channel-neutral: the mini-program
 * page renders them as chat bubbles, a WeChat customer-service conversation can render the same.
 */

/** The eight themes a monthly solicitation picks from (§9). */
export enum SurveyTheme {
  Housing = 'housing',
  Security = 'security',
  Vehicles = 'vehicles',
  Cleaning = 'cleaning',
  Greening = 'greening',
  Repairs = 'repairs',
  Events = 'events',
  Convenience = 'convenience',
}

export const SURVEY_THEME_LABELS: Record<SurveyTheme, string> = {
  [SurveyTheme.Housing]: '房管',
  [SurveyTheme.Security]: '治安',
  [SurveyTheme.Vehicles]: '车辆',
  [SurveyTheme.Cleaning]: '清洁',
  [SurveyTheme.Greening]: '绿化',
  [SurveyTheme.Repairs]: '维修',
  [SurveyTheme.Events]: '社区活动',
  [SurveyTheme.Convenience]: '便民服务',
};

export enum QuestionType {
  /** 1–5 stars; 4 and 5 count as satisfied. */
  Stars = 'stars',
  /** 满意 / 基本满意 / 不满意; the first two count as satisfied. */
  Satisfaction = 'satisfaction',
  Single = 'single',
  Multiple = 'multiple',
  Text = 'text',
}

export interface SurveyQuestion {
  /** Stable within a questionnaire version: answers point at it. */
  id: string;
  type: QuestionType;
  theme: SurveyTheme;
  text: string;
  /** For single / multiple choice. */
  options?: string[];
  /** Text questions are optional by default, the others required. */
  required: boolean;
}

export type QuestionnaireStatus = 'draft' | 'published';

export interface QuestionnaireDto {
  id: string;
  /** Null: a company-wide template (company admin); else the community that owns it. */
  communityId: string | null;
  title: string;
  theme: SurveyTheme;
  version: number;
  status: QuestionnaireStatus;
  questions: SurveyQuestion[];
  /** 'builtin:<theme>' for the templates that ship with the product. */
  builtin: boolean;
  publishedAt: string | null;
}

export interface SaveQuestionnaireRequest {
  title: string;
  theme: SurveyTheme;
  questions: SurveyQuestion[];
  /** Admin only: a company-wide template. */
  companyWide?: boolean;
}

export enum SurveyRoundKind {
  Monthly = 'monthly',
  Annual = 'annual',
  AdHoc = 'ad_hoc',
}

export const SURVEY_ROUND_KIND_LABELS: Record<SurveyRoundKind, string> = {
  [SurveyRoundKind.Monthly]: '月度意见征询',
  [SurveyRoundKind.Annual]: '年度满意度调查',
  [SurveyRoundKind.AdHoc]: '专项调查',
};

export enum SurveyRoundStatus {
  Draft = 'draft',
  Open = 'open',
  Closed = 'closed',
  ResultsPublished = 'results_published',
  Cancelled = 'cancelled',
}

export const SURVEY_ROUND_STATUS_LABELS: Record<SurveyRoundStatus, string> = {
  [SurveyRoundStatus.Draft]: '待发送',
  [SurveyRoundStatus.Open]: '进行中',
  [SurveyRoundStatus.Closed]: '已结束',
  [SurveyRoundStatus.ResultsPublished]: '结果已公布',
  [SurveyRoundStatus.Cancelled]: '已取消',
};

export enum SurveyRoundAction {
  AddHouseholds = 'add_households',
  Send = 'send',
  Close = 'close',
  /** Taken by the system when the window ends. */
  Expire = 'expire',
  PublishResults = 'publish_results',
  Cancel = 'cancel',
}

/** Why a household is in a round's sample. */
export type SampleSource = 'random' | 'complainer' | 'manual';

export interface CreateSurveyRoundRequest {
  questionnaireId: string;
  kind: SurveyRoundKind;
  title: string;
  opensAt: string;
  closesAt: string;
}

export interface SampleBuildingDto {
  buildingId: string;
  buildingName: string;
  occupied: number;
  random: number;
  complainers: number;
  manual: number;
}

export interface SurveyRoundDto {
  id: string;
  communityId: string;
  title: string;
  kind: SurveyRoundKind;
  status: SurveyRoundStatus;
  questionnaireId: string;
  questionnaireTitle: string;
  theme: SurveyTheme;
  opensAt: string;
  closesAt: string;
  seed: number;
  occupied: number;
  invited: number;
  /** The random draw, the targeted complainers and the hand-picked, counted apart. */
  composition: {
    random: number;
    complainers: number;
    manual: number;
    byBuilding: SampleBuildingDto[];
  };
  /** Households the recontact window kept out of the draw, and how far the draw fell short of its target. */
  recontactExcluded: number;
  shortfall: number;
  completed: number;
  sentAt: string | null;
  resultsPublishedAt: string | null;
  allowedActions: SurveyRoundAction[];
}

export interface AddRoundHouseholdsRequest {
  householdIds: string[];
}

/** One entry of a resident's list of questionnaires. */
export interface MySurveyDto {
  roundId: string;
  title: string;
  kind: SurveyRoundKind;
  closesAt: string;
  status: SurveyRoundStatus;
  answered: number;
  total: number;
  completed: boolean;
  /** The window is open and the household has not completed it. */
  canAnswer: boolean;
  resultsPublished: boolean;
}

/** An answer as sent by a channel: stars 1–5, a satisfaction label, choice option(s), or text; skip for optional questions. */
export interface SurveyAnswerInput {
  questionId: string;
  value?: number | string | string[];
  skip?: boolean;
}

export type SurveyAnswerValue =
  | { kind: 'stars'; stars: number }
  | { kind: 'satisfaction'; label: string }
  | { kind: 'single'; option: string }
  | { kind: 'multiple'; options: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'skipped' };

/** One exchange of the conversation: the property's question and the household's answer, if any. */
export interface SurveyTurnDto {
  question: SurveyQuestion;
  answer: SurveyAnswerValue | null;
  /** The answer as the resident's chat bubble says it. */
  answerText: string | null;
}

/** The conversation's state: whatever the channel, the same next question and progress. */
export interface SurveyConversationDto {
  roundId: string;
  title: string;
  greeting: string;
  closesAt: string;
  turns: SurveyTurnDto[];
  /** The next unanswered question; null when finished. */
  next: SurveyQuestion | null;
  progress: { answered: number; total: number };
  completed: boolean;
  /** Shown once completed: thanks, and what happens next. */
  thanks: string | null;
  /** Set when the household can no longer answer (window over, round closed). */
  closedMessage: string | null;
}

export interface RateDto {
  /** Numerator and denominator, and the rate in percent with one decimal. */
  n: number;
  of: number;
  percent: number | null;
}

export interface SurveyQuestionResultDto {
  questionId: string;
  text: string;
  type: QuestionType;
  theme: SurveyTheme;
  answered: number;
  satisfaction: RateDto | null;
  /** Per option / label / star: how many chose it. */
  counts: { label: string; n: number }[];
  /** Text questions: the answers (anonymous unless the company lets staff see households). */
  texts?: { answerId: string; text: string; tag: string | null; room: string | null }[];
}

export interface SurveyResultsDto {
  roundId: string;
  title: string;
  status: SurveyRoundStatus;
  invited: number;
  responded: number;
  responseRate: RateDto;
  /** Satisfied answers of rating questions over all rating answers. */
  satisfaction: RateDto;
  /** Points docked by the response-rate rule and the satisfaction after it. */
  penalty: number;
  adjustedSatisfaction: number | null;
  target: number;
  byTheme: { theme: SurveyTheme; satisfaction: RateDto; belowTarget: boolean }[];
  questions: SurveyQuestionResultDto[];
  /** Reasons for dissatisfaction by tag, most frequent first, with the cumulative share. */
  pareto: { tag: string; n: number; cumulativePercent: number }[];
  /** Previous rounds of the community (oldest first, up to 12) and this one. */
  trend: {
    roundId: string;
    title: string;
    closesAt: string;
    adjustedSatisfaction: number | null;
    responseRate: number | null;
  }[];
  previous: {
    roundId: string;
    title: string;
    adjustedSatisfaction: number | null;
    responseRate: number | null;
  } | null;
  householdAnswersVisible: boolean;
}

export interface TagAnswerRequest {
  tag: string | null;
}

export interface PublishSurveyResultsRequest {
  /** What the company will improve: the notice to residents says it. */
  improvements: string;
}

/** What a resident sees of a round after its results are published. */
export interface SurveySummaryDto {
  roundId: string;
  title: string;
  responseRate: number | null;
  adjustedSatisfaction: number | null;
  improvements: string;
  publishedAt: string;
}

export interface SurveySettingsDto {
  /** Staff see which household gave which answer (otherwise anonymous). */
  staffSeeHouseholdAnswers: boolean;
  recontactDays: number;
  reminderHoursBeforeClose: number;
  monthlyRatePercent: number;
  annualRatePercent: number;
  targetPercent: number;
}
