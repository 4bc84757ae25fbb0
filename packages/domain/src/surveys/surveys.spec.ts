import {
  QuestionType,
  Role,
  SurveyRoundAction,
  SurveyRoundKind,
  SurveyRoundStatus,
  SurveyTheme,
} from '@linli/contracts';
import {
  answerText,
  nextQuestion,
  parseTextReply,
  surveyProgress,
  validateAnswer,
} from './answering';
import {
  allowedSurveyRoundActions,
  SURVEY_ROUND_TRANSITIONS,
  surveyRoundTransition,
  surveyWindowOpen,
} from './round-state-machine';
import { drawSample, SampleCandidate, seededRandom, stratumTarget } from './sampling';
import {
  adjustedSatisfaction,
  byTheme,
  countsOf,
  pareto,
  percent,
  responsePenalty,
  satisfactionOf,
  ScoredAnswer,
} from './scoring';
import { DEFAULT_QUESTIONNAIRES, questionnaireProblem } from './templates';

const NOW = new Date('2026-12-01T02:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const households = (
  building: string,
  n: number,
  extra: Partial<SampleCandidate> = {},
): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    householdId: `${building}-${String(i).padStart(3, '0')}`,
    buildingId: building,
    lastSurveyedAt: null,
    complainer: false,
    ...extra,
  }));

describe('sample size: ceil(rate × occupied) per building', () => {
  it.each([
    [19, 5, 1],
    [20, 5, 1],
    [21, 5, 2],
    [1, 5, 1],
    [0, 5, 0],
    [100, 5, 5],
    [101, 5, 6],
    [19, 50, 10],
    [1, 50, 1],
    [40, 50, 20],
  ])('%i occupied at %i%% → %i', (occupied, rate, expected) => {
    expect(stratumTarget(occupied, rate)).toBe(expected);
  });
});

describe('drawSample', () => {
  it('a community of 19 occupied households in one building: a monthly draw of 1', () => {
    const draw = drawSample(households('b1', 19), SurveyRoundKind.Monthly, 42, NOW);
    expect(draw.households).toHaveLength(1);
    expect(draw.households[0].source).toBe('random');
  });

  it('stratified: a building with 1 household is represented, the total never under 5%', () => {
    const draw = drawSample(
      [...households('b1', 30), ...households('b2', 1)],
      SurveyRoundKind.Monthly,
      7,
      NOW,
    );
    expect(draw.byBuilding).toEqual([
      { buildingId: 'b1', occupied: 30, target: 2, random: 2, complainers: 0 },
      { buildingId: 'b2', occupied: 1, target: 1, random: 1, complainers: 0 },
    ]);
    expect(draw.households.length).toBeGreaterThanOrEqual(Math.ceil(31 * 0.05));
  });

  it('is reproducible from the seed, whatever the input order', () => {
    const all = [...households('b1', 50), ...households('b2', 40)];
    const a = drawSample(all, SurveyRoundKind.Monthly, 123, NOW);
    const b = drawSample([...all].reverse(), SurveyRoundKind.Monthly, 123, NOW);
    const c = drawSample(all, SurveyRoundKind.Monthly, 124, NOW);
    expect(b.households).toEqual(a.households);
    expect(c.households).not.toEqual(a.households);
  });

  it('annual: 50% at random plus every complainer, counted apart and never drawn twice', () => {
    const all = [
      ...households('b1', 10),
      ...households('c1', 3, { buildingId: 'b1', complainer: true }),
    ];
    const draw = drawSample(all, SurveyRoundKind.Annual, 5, NOW);
    expect(
      draw.households.filter((h) => h.source === 'complainer').map((h) => h.householdId),
    ).toEqual(['c1-000', 'c1-001', 'c1-002']);
    expect(draw.households.filter((h) => h.source === 'random')).toHaveLength(7); // ceil(50% of 13)
    expect(new Set(draw.households.map((h) => h.householdId)).size).toBe(draw.households.length);
  });

  it('monthly draws ignore complaints', () => {
    const draw = drawSample(
      households('b1', 20, { complainer: true }),
      SurveyRoundKind.Monthly,
      5,
      NOW,
    );
    expect(draw.households.map((h) => h.source)).toEqual(['random']);
  });

  it('the recontact window keeps recently surveyed households out; a building it empties reports a shortfall', () => {
    const recent = households('b1', 19, { lastSurveyedAt: daysAgo(30) });
    const old = households('b2', 1, { lastSurveyedAt: daysAgo(91) });
    const draw = drawSample([...recent, ...old], SurveyRoundKind.Monthly, 9, NOW);
    expect(draw.households.map((h) => h.buildingId)).toEqual(['b2']);
    expect(draw.recontactExcluded).toBe(19);
    expect(draw.shortfall).toBe(1);
    const noWindow = drawSample(recent, SurveyRoundKind.Monthly, 9, NOW, {
      ratePercent: { monthly: 5, annual: 50, ad_hoc: 5 },
      recontactDays: 0,
    });
    expect(noWindow.households).toHaveLength(1);
  });

  it('the PRNG is deterministic and in [0, 1)', () => {
    const r1 = seededRandom(1);
    const r2 = seededRandom(1);
    const xs = Array.from({ length: 100 }, () => r1());
    expect(xs).toEqual(Array.from({ length: 100 }, () => r2()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('the response-rate penalty: one point per full 5 points below 50%', () => {
  it.each([
    [50, 100, 0],
    [60, 100, 0],
    [45, 100, 1],
    [449, 1000, 1],
    [9, 20, 1],
    [44, 100, 1],
    [40, 100, 2],
    [399, 1000, 2],
    [349, 1000, 3],
    [30, 100, 4],
    [0, 100, 10],
    [0, 0, 0],
  ])('%i of %i responded → %i docked', (responded, invited, expected) => {
    expect(responsePenalty(responded, invited)).toBe(expected);
  });

  it.each([
    [92.5, 1, 91.5],
    [3, 10, 0],
    [null, 2, null],
  ])('adjusted(%p, %i) = %p', (sat, pen, expected) => {
    expect(adjustedSatisfaction(sat, pen)).toBe(expected);
  });

  it.each([
    [2, 3, 66.7],
    [1, 8, 12.5],
    [0, 0, null],
  ])('percent(%i, %i) = %p (one decimal, half up)', (n, of, expected) => {
    expect(percent(n, of)).toBe(expected);
  });
});

describe('satisfaction and aggregation', () => {
  const q = DEFAULT_QUESTIONNAIRES[SurveyTheme.Repairs].questions;
  const answers: ScoredAnswer[] = [
    {
      questionId: 'q1',
      theme: SurveyTheme.Repairs,
      value: { kind: 'satisfaction', label: '满意' },
    },
    {
      questionId: 'q1',
      theme: SurveyTheme.Repairs,
      value: { kind: 'satisfaction', label: '基本满意' },
    },
    {
      questionId: 'q1',
      theme: SurveyTheme.Repairs,
      value: { kind: 'satisfaction', label: '不满意' },
    },
    { questionId: 'q2', theme: SurveyTheme.Cleaning, value: { kind: 'stars', stars: 4 } },
    { questionId: 'q2', theme: SurveyTheme.Cleaning, value: { kind: 'stars', stars: 3 } },
    { questionId: 'q3', theme: SurveyTheme.Repairs, value: { kind: 'single', option: '一次解决' } },
    {
      questionId: 'q4',
      theme: SurveyTheme.Repairs,
      value: { kind: 'text', text: '太慢' },
      tag: '响应慢',
    },
  ];

  it('counts stars 4–5, 满意 and 基本满意 as satisfied, and nothing else as a rating', () => {
    expect(satisfactionOf(answers)).toEqual({ n: 3, of: 5, percent: 60 });
  });

  it('per theme, flagging those below target', () => {
    expect(byTheme(answers, 90)).toEqual([
      {
        theme: SurveyTheme.Cleaning,
        satisfaction: { n: 1, of: 2, percent: 50 },
        belowTarget: true,
      },
      {
        theme: SurveyTheme.Repairs,
        satisfaction: { n: 2, of: 3, percent: 66.7 },
        belowTarget: true,
      },
    ]);
  });

  it('per question counts in the question’s order', () => {
    expect(countsOf(q[0], answers)).toEqual([
      { label: '满意', n: 1 },
      { label: '基本满意', n: 1 },
      { label: '不满意', n: 1 },
    ]);
    expect(countsOf(q[2], answers)).toEqual([
      { label: '一次解决', n: 1 },
      { label: '修了两次以上', n: 0 },
      { label: '还没解决', n: 0 },
    ]);
  });

  it('Pareto: most frequent first with the cumulative share', () => {
    expect(pareto(['慢', '脏', '慢', null, '吵', '慢', '脏'])).toEqual([
      { tag: '慢', n: 3, cumulativePercent: 50 },
      { tag: '脏', n: 2, cumulativePercent: 83.3 },
      { tag: '吵', n: 1, cumulativePercent: 100 },
    ]);
    expect(pareto([])).toEqual([]);
  });
});

describe('round transitions', () => {
  const statuses = Object.values(SurveyRoundStatus);
  const actions = Object.values(SurveyRoundAction);
  const roles = [...Object.values(Role), null];
  const expected = (
    s: SurveyRoundStatus,
    a: SurveyRoundAction,
    r: Role | null,
  ): SurveyRoundStatus | null => {
    const office = r === Role.Supervisor || r === Role.Admin;
    const table: Record<string, SurveyRoundStatus | null> = {
      [`${SurveyRoundStatus.Draft}:add_households`]: office ? SurveyRoundStatus.Draft : null,
      [`${SurveyRoundStatus.Draft}:send`]: office ? SurveyRoundStatus.Open : null,
      [`${SurveyRoundStatus.Open}:close`]: office ? SurveyRoundStatus.Closed : null,
      [`${SurveyRoundStatus.Open}:expire`]: r === null ? SurveyRoundStatus.Closed : null,
      [`${SurveyRoundStatus.Closed}:publish_results`]: office
        ? SurveyRoundStatus.ResultsPublished
        : null,
      [`${SurveyRoundStatus.Draft}:cancel`]: office ? SurveyRoundStatus.Cancelled : null,
      [`${SurveyRoundStatus.Open}:cancel`]: office ? SurveyRoundStatus.Cancelled : null,
    };
    return table[`${s}:${a}`] ?? null;
  };
  const cases = statuses.flatMap((s) =>
    actions.flatMap((a) => roles.map((r) => [s, a, r] as const)),
  );
  it.each(cases)('%s + %s by %p', (s, a, r) => {
    expect(surveyRoundTransition(s, a, r)).toBe(expected(s, a, r));
  });

  it('lists the allowed actions per status for a supervisor', () => {
    expect(allowedSurveyRoundActions(SurveyRoundStatus.Draft, Role.Supervisor)).toEqual([
      'add_households',
      'send',
      'cancel',
    ]);
    expect(allowedSurveyRoundActions(SurveyRoundStatus.Open, Role.Resident)).toEqual([]);
    expect(SURVEY_ROUND_TRANSITIONS.length).toBe(6);
  });

  it.each([
    [SurveyRoundStatus.Open, '2026-12-01T01:59:59Z', false],
    [SurveyRoundStatus.Open, '2026-12-01T02:00:00Z', true],
    [SurveyRoundStatus.Open, '2026-12-08T02:00:00Z', false],
    [SurveyRoundStatus.Draft, '2026-12-02T00:00:00Z', false],
  ])('the window of a %s round at %s is open: %p', (status, at, open) => {
    expect(
      surveyWindowOpen(
        { status, opensAt: NOW, closesAt: new Date('2026-12-08T02:00:00Z') },
        new Date(at),
      ),
    ).toBe(open);
  });
});

describe('the answering engine', () => {
  const questions = DEFAULT_QUESTIONNAIRES[SurveyTheme.Cleaning].questions;

  it('asks the first unanswered question and counts progress', () => {
    const answers = new Map([['q1', { kind: 'satisfaction' as const, label: '满意' }]]);
    expect(nextQuestion(questions, answers)?.id).toBe('q2');
    expect(surveyProgress(questions, answers)).toEqual({ answered: 1, total: 4 });
    expect(
      nextQuestion(questions, new Map(questions.map((q) => [q.id, { kind: 'skipped' as const }]))),
    ).toBeNull();
  });

  const stars = questions[1];
  const sat = questions[0];
  const single = questions[2];
  const text = questions[3];
  const multiple = DEFAULT_QUESTIONNAIRES[SurveyTheme.Events].questions[1];
  it.each([
    [stars, { value: 5 }, { kind: 'stars', stars: 5 }],
    [stars, { value: 0 }, null],
    [stars, { value: 4.5 }, null],
    [stars, { value: '5' }, null],
    [stars, { skip: true }, null],
    [sat, { value: '基本满意' }, { kind: 'satisfaction', label: '基本满意' }],
    [sat, { value: '还行' }, null],
    [single, { value: '及时' }, { kind: 'single', option: '及时' }],
    [single, { value: '别的' }, null],
    [
      multiple,
      { value: ['亲子活动', '节日活动'] },
      { kind: 'multiple', options: ['节日活动', '亲子活动'] },
    ],
    [multiple, { value: [] }, null],
    [multiple, { value: ['亲子活动', '打牌'] }, null],
    [text, { value: '  电梯里有异味  ' }, { kind: 'text', text: '电梯里有异味' }],
    [text, { value: '' }, { kind: 'skipped' }],
    [text, { skip: true }, { kind: 'skipped' }],
    [text, { value: 'x'.repeat(201) }, null],
  ])('%#: validates %j', (question, input, expected) => {
    const result = validateAnswer(
      question,
      input as { value?: number | string | string[]; skip?: boolean },
    );
    if (expected === null) expect('problem' in result).toBe(true);
    else expect(result).toEqual({ value: expected });
  });

  it('reads text replies for a chat channel', () => {
    expect(parseTextReply(stars, ' 4 ')).toEqual({ value: 4 });
    expect(parseTextReply(single, '2')).toEqual({ value: '偶尔不及时' });
    expect(parseTextReply(multiple, '1 3')).toEqual({ value: ['节日活动', '健康讲座'] });
    expect(parseTextReply(text, '跳过')).toEqual({ skip: true });
    expect(answerText({ kind: 'stars', stars: 4 })).toBe('★★★★☆（4 星）');
  });
});

describe('default questionnaires', () => {
  it.each(Object.values(SurveyTheme))('%s: valid, every question of its theme', (theme) => {
    const t = DEFAULT_QUESTIONNAIRES[theme];
    expect(questionnaireProblem(t.questions)).toBeNull();
    expect(t.questions.every((q) => q.theme === theme)).toBe(true);
  });

  it.each([
    [[], '请至少添加一道题'],
    [
      [
        {
          id: 'a',
          type: QuestionType.Single,
          theme: SurveyTheme.Housing,
          text: '哪个',
          options: ['一'],
          required: true,
        },
      ],
      '第 1 题至少需要两个选项',
    ],
    [
      [
        {
          id: 'a',
          type: QuestionType.Text,
          theme: SurveyTheme.Housing,
          text: '说说',
          required: false,
        },
      ],
      '请至少包含一道满意度评分题',
    ],
  ])('rejects %j', (questions, problem) => {
    expect(questionnaireProblem(questions)).toBe(problem);
  });
});
