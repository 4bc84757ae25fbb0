import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import {
  QuestionnaireDto,
  SURVEY_ROUND_KIND_LABELS,
  SURVEY_ROUND_STATUS_LABELS,
  SURVEY_THEME_LABELS,
  SurveyRoundAction,
  SurveyRoundDto,
  SurveyRoundKind,
  SurveyRoundStatus,
} from '@linli/contracts';
import { Chip, ChipChoice } from '../../../components/chips';
import { ListEnd } from '../../../components/load-more';
import { formatTime } from '../../../services/app/format';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { surveyResultsPage, surveysApi } from '../../../services/api/surveys-api';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import '../surveys.scss';

const KINDS = [SurveyRoundKind.Monthly, SurveyRoundKind.Annual, SurveyRoundKind.AdHoc];
const DAYS = [7, 14, 30];

/**
 * 满意度调查 (supervisor): draft a round from a questionnaire, see the sample drawn (how many households,
 * per building, random / complainers / added by hand) before sending it, then follow it to its results.
 */
export default function SurveyRoundsPage() {
  const [templates, setTemplates] = useState<QuestionnaireDto[]>([]);
  const [questionnaireId, setQuestionnaireId] = useState('builtin:housing');
  const [kind, setKind] = useState(SurveyRoundKind.Monthly);
  const [days, setDays] = useState(7);
  const [title, setTitle] = useState('');
  const task = useTask();
  const busy = task.running;

  // The rounds load a page at a time as the list is scrolled; the questionnaires come whole.
  const list = usePagedList<SurveyRoundDto>(
    (cursor) => surveysApi.rounds(cursor),
    (r) => r.id,
    [],
  );
  const rounds = list.items;
  const loadTemplates = useCallback(async () => {
    await attempt(async () => {
      const q = await surveysApi.questionnaires();
      // The shipped templates, then the community's and company's own (not the frozen copies of shipped ones that rounds made).
      const builtinTitles = new Set(q.filter((x) => x.builtin).map((x) => x.title));
      setTemplates([
        ...q.filter((x) => x.builtin),
        ...q.filter((x) => !x.builtin && x.status === 'published' && !builtinTitles.has(x.title)),
      ]);
    });
  }, []);
  useDidShow(() => void loadTemplates());
  const load = list.reload;

  const chosen = templates.find((t) => t.id === questionnaireId);
  const create = async () => {
    await task.run(async () => {
      const now = Date.now();
      const name = title.trim() || `${chosen?.title ?? '满意度调查'}`;
      await surveysApi.createRound({
        questionnaireId,
        kind,
        title: name.slice(0, 60),
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + days * 86_400_000).toISOString(),
      });
      setTitle('');
      void Taro.showToast({ title: '样本已抽取', icon: 'none' });
      await load();
    });
  };
  const act = async (r: SurveyRoundDto, action: SurveyRoundAction) => {
    const confirmText: Partial<Record<SurveyRoundAction, string>> = {
      [SurveyRoundAction.Send]: `将向 ${r.invited} 户发出邀请（消息中心和微信），确定发送吗？`,
      [SurveyRoundAction.Close]: '提前结束后住户不能再作答，确定吗？',
      [SurveyRoundAction.Cancel]: '取消后本轮调查作废，确定吗？',
    };
    const { confirm } = await Taro.showModal({
      title: '请确认',
      content: confirmText[action] ?? '',
    });
    if (!confirm) return;
    await attempt(async () => {
      if (action === SurveyRoundAction.Send) await surveysApi.send(r.id);
      if (action === SurveyRoundAction.Close) await surveysApi.close(r.id);
      if (action === SurveyRoundAction.Cancel) await surveysApi.cancel(r.id);
      await load();
    });
  };

  return (
    <View className="page surveys">
      <View className="card surveys__item">
        <Text className="surveys__title">新建一轮调查</Text>
        <Text className="muted">问卷</Text>
        <View className="chips">
          {templates.map((t) => (
            <Chip
              key={t.id}
              active={t.id === questionnaireId}
              onClick={() => setQuestionnaireId(t.id)}
            >
              {t.builtin ? SURVEY_THEME_LABELS[t.theme] : `${t.title} v${t.version}`}
            </Chip>
          ))}
        </View>
        {chosen ? (
          <Text className="muted">{`${chosen.title} · ${chosen.questions.length} 道题`}</Text>
        ) : null}
        <Text className="muted">类型</Text>
        <ChipChoice
          options={KINDS}
          value={kind}
          label={(k) => SURVEY_ROUND_KIND_LABELS[k]}
          onChange={setKind}
        />
        <Text className="muted">作答时间（从现在起）</Text>
        <View className="chips">
          {DAYS.map((d) => (
            <View
              key={d}
              className={`chip${d === days ? ' chip--active' : ''}`}
              onClick={() => setDays(d)}
            >{`${d} 天`}</View>
          ))}
        </View>
        <Input
          value={title}
          onChange={setTitle}
          placeholder={`名称，默认「${chosen?.title ?? ''}」`}
          maxLength={60}
        />
        <Button type="primary" block loading={busy} onClick={() => void create()}>
          抽取样本
        </Button>
      </View>

      {rounds && rounds.length === 0 ? (
        <Text className="muted">还没有调查。选好问卷后点「抽取样本」开始。</Text>
      ) : null}
      {(rounds ?? []).map((r) => (
        <View key={r.id} className="card surveys__item">
          <View className="surveys__row">
            <Text className="surveys__title">{r.title}</Text>
            <Text className={r.status === SurveyRoundStatus.Open ? 'surveys__badge' : 'muted'}>
              {SURVEY_ROUND_STATUS_LABELS[r.status]}
            </Text>
          </View>
          <Text className="muted">{`${SURVEY_ROUND_KIND_LABELS[r.kind]} · ${formatTime(r.closesAt)} 截止`}</Text>
          <Text>{`样本 ${r.invited} 户（入住 ${r.occupied} 户）：随机 ${r.composition.random}${r.composition.complainers ? ` · 投诉户 ${r.composition.complainers}` : ''}${r.composition.manual ? ` · 手工添加 ${r.composition.manual}` : ''}`}</Text>
          {r.status === SurveyRoundStatus.Draft ? (
            <View className="surveys__summary">
              {r.composition.byBuilding.map((b) => (
                <Text
                  key={b.buildingId}
                  className="muted"
                >{`${b.buildingName}：入住 ${b.occupied} 户，抽 ${b.random + b.complainers + b.manual} 户`}</Text>
              ))}
              {r.recontactExcluded > 0 ? (
                <Text className="muted">{`${r.recontactExcluded} 户近期已调查过，本次不抽${r.shortfall ? `（少抽 ${r.shortfall} 户）` : ''}`}</Text>
              ) : null}
            </View>
          ) : (
            <Text className="muted">{`已完成 ${r.completed}/${r.invited} 户`}</Text>
          )}
          <View className="surveys__buttons">
            {r.allowedActions.includes(SurveyRoundAction.Send) ? (
              <Button
                size="small"
                type="primary"
                onClick={() => void act(r, SurveyRoundAction.Send)}
              >
                发送邀请
              </Button>
            ) : null}
            {r.status !== SurveyRoundStatus.Draft && r.status !== SurveyRoundStatus.Cancelled ? (
              <Button
                size="small"
                type="primary"
                onClick={() => void Taro.navigateTo({ url: surveyResultsPage(r.id) })}
              >
                查看结果
              </Button>
            ) : null}
            {r.allowedActions.includes(SurveyRoundAction.Close) ? (
              <Button size="small" onClick={() => void act(r, SurveyRoundAction.Close)}>
                提前结束
              </Button>
            ) : null}
            {r.allowedActions.includes(SurveyRoundAction.Cancel) ? (
              <Button size="small" onClick={() => void act(r, SurveyRoundAction.Cancel)}>
                取消
              </Button>
            ) : null}
          </View>
        </View>
      ))}
      <ListEnd list={list} />
    </View>
  );
}
