import { QuestionType, SurveyQuestion, SurveyTheme } from '@linli/contracts';

/**
 * The default questionnaire of each theme (domain brief §9), shipped with the product and written as a
 * resident would expect to be asked. Each has a headline satisfaction question, one or two details, and
 * an optional free-text question whose answers the supervisor tags for the Pareto chart.
 */
export interface QuestionnaireTemplate {
  theme: SurveyTheme;
  title: string;
  questions: SurveyQuestion[];
}

const T = SurveyTheme;
const sat = (id: string, theme: SurveyTheme, text: string): SurveyQuestion => ({
  id,
  type: QuestionType.Satisfaction,
  theme,
  text,
  required: true,
});
const stars = (id: string, theme: SurveyTheme, text: string): SurveyQuestion => ({
  id,
  type: QuestionType.Stars,
  theme,
  text,
  required: true,
});
const single = (
  id: string,
  theme: SurveyTheme,
  text: string,
  options: string[],
): SurveyQuestion => ({ id, type: QuestionType.Single, theme, text, options, required: true });
const multiple = (
  id: string,
  theme: SurveyTheme,
  text: string,
  options: string[],
): SurveyQuestion => ({ id, type: QuestionType.Multiple, theme, text, options, required: true });
const text = (id: string, theme: SurveyTheme, question: string): SurveyQuestion => ({
  id,
  type: QuestionType.Text,
  theme,
  text: question,
  required: false,
});

export const DEFAULT_QUESTIONNAIRES: Readonly<Record<SurveyTheme, QuestionnaireTemplate>> = {
  [T.Housing]: {
    theme: T.Housing,
    title: '房屋管理服务意见征询',
    questions: [
      sat('q1', T.Housing, '您对物业服务中心（管理处）的整体服务满意吗？'),
      stars('q2', T.Housing, '办理业务（如装修申请、开证明）时，工作人员的态度和效率您打几颗星？'),
      multiple('q3', T.Housing, '您最希望我们在哪些方面做得更好？（可多选）', [
        '公共设施维护',
        '装修管理',
        '通知及时',
        '收费公开透明',
        '其他',
      ]),
      text('q4', T.Housing, '还有什么想对我们说的吗？（可不填）'),
    ],
  },
  [T.Security]: {
    theme: T.Security,
    title: '小区治安服务意见征询',
    questions: [
      sat('q1', T.Security, '您对小区的治安状况满意吗？'),
      stars('q2', T.Security, '门岗对外来人员、车辆的登记管理，您打几颗星？'),
      single('q3', T.Security, '晚上在小区里走动，您觉得安全吗？', ['很安全', '一般', '不太安全']),
      text('q4', T.Security, '您觉得哪里还需要加强巡逻或监控？（可不填）'),
    ],
  },
  [T.Vehicles]: {
    theme: T.Vehicles,
    title: '车辆停放管理意见征询',
    questions: [
      sat('q1', T.Vehicles, '您对小区的车辆停放管理满意吗？'),
      single('q2', T.Vehicles, '您平时停车方便吗？', ['方便', '有时找不到车位', '经常找不到车位']),
      multiple('q3', T.Vehicles, '您最关心哪些问题？（可多选）', [
        '乱停乱放',
        '电动车充电',
        '道闸通行速度',
        '访客停车',
        '其他',
      ]),
      text('q4', T.Vehicles, '对停车管理还有什么建议？（可不填）'),
    ],
  },
  [T.Cleaning]: {
    theme: T.Cleaning,
    title: '清洁卫生服务意见征询',
    questions: [
      sat('q1', T.Cleaning, '您对小区的清洁卫生满意吗？'),
      stars('q2', T.Cleaning, '您所在楼栋的楼道、电梯干净吗？请打星'),
      single('q3', T.Cleaning, '垃圾清运是否及时？', ['及时', '偶尔不及时', '经常不及时']),
      text('q4', T.Cleaning, '哪个地方最需要加强清扫？（可不填）'),
    ],
  },
  [T.Greening]: {
    theme: T.Greening,
    title: '园林绿化服务意见征询',
    questions: [
      sat('q1', T.Greening, '您对小区的绿化养护满意吗？'),
      stars('q2', T.Greening, '花草树木的修剪和长势，您打几颗星？'),
      single('q3', T.Greening, '打药、修剪前是否提前通知了您？', [
        '每次都通知',
        '有时通知',
        '没有通知',
      ]),
      text('q4', T.Greening, '对绿化还有什么建议？（可不填）'),
    ],
  },
  [T.Repairs]: {
    theme: T.Repairs,
    title: '维修服务意见征询',
    questions: [
      sat('q1', T.Repairs, '您对我们的维修服务满意吗？'),
      stars('q2', T.Repairs, '报修后维修人员上门的速度，您打几颗星？'),
      single('q3', T.Repairs, '维修后问题是否一次解决？', ['一次解决', '修了两次以上', '还没解决']),
      text('q4', T.Repairs, '维修服务哪里还需要改进？（可不填）'),
    ],
  },
  [T.Events]: {
    theme: T.Events,
    title: '社区活动意见征询',
    questions: [
      sat('q1', T.Events, '您对小区组织的社区活动满意吗？'),
      multiple('q2', T.Events, '您希望多办哪些活动？（可多选）', [
        '节日活动',
        '亲子活动',
        '健康讲座',
        '文艺活动',
        '业主座谈会',
      ]),
      single('q3', T.Events, '您一般从哪里知道活动消息？', [
        '小程序通知',
        '公告栏',
        '管家告知',
        '邻居告知',
      ]),
      text('q4', T.Events, '您有什么活动想法？（可不填）'),
    ],
  },
  [T.Convenience]: {
    theme: T.Convenience,
    title: '便民服务意见征询',
    questions: [
      sat('q1', T.Convenience, '您对我们提供的便民服务满意吗？'),
      multiple('q2', T.Convenience, '您用过哪些便民服务？（可多选）', [
        '代收快递',
        '借用工具',
        '家政介绍',
        '代缴费用',
        '都没用过',
      ]),
      stars('q3', T.Convenience, '办理便民服务的方便程度，您打几颗星？'),
      text('q4', T.Convenience, '还希望增加哪些便民服务？（可不填）'),
    ],
  },
};

/** What is wrong with a questionnaire a supervisor wrote, or null: ids unique, choices have options. */
export function questionnaireProblem(questions: readonly SurveyQuestion[]): string | null {
  if (questions.length === 0) return '请至少添加一道题';
  if (questions.length > 30) return '题目不能超过 30 道';
  const ids = new Set<string>();
  for (const [i, q] of questions.entries()) {
    if (!q.text.trim()) return `第 ${i + 1} 题没有题目内容`;
    if (ids.has(q.id)) return `第 ${i + 1} 题的编号重复`;
    ids.add(q.id);
    const choice = q.type === QuestionType.Single || q.type === QuestionType.Multiple;
    if (choice && (!q.options || q.options.length < 2)) return `第 ${i + 1} 题至少需要两个选项`;
    if (choice && new Set(q.options).size !== q.options!.length) return `第 ${i + 1} 题的选项重复`;
    if (!choice && q.options && q.options.length > 0) return `第 ${i + 1} 题不是选择题，不需要选项`;
  }
  if (!questions.some((q) => q.type === QuestionType.Stars || q.type === QuestionType.Satisfaction))
    return '请至少包含一道满意度评分题';
  return null;
}
