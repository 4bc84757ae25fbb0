import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { SURVEY_THEME_LABELS, SurveyResultsDto, SurveyRoundStatus } from '@linli/contracts';
import { BarChart } from '../../../components/charts/bar-chart';
import { ParetoChart } from '../../../components/charts/pareto-chart';
import { surveysApi } from '../../../services/api/surveys-api';
import { attempt } from '../../../services/request/result';
import '../surveys.scss';

/**
 * 调查结果 (supervisor): the headline (response rate, satisfaction after the response-rate rule), per
 * theme against the target, per question, the Pareto of tagged reasons, the trend over rounds; tag the
 * free-text reasons here, and publish the summary to residents once the round is closed.
 */
export default function SurveyResultsPage() {
  const { params } = useRouter();
  const roundId = params.roundId ?? '';
  const [r, setR] = useState<SurveyResultsDto | null>(null);
  const [tags, setTags] = useState<Record<string, string>>({});
  const [improvements, setImprovements] = useState('');
  const load = useCallback(async () => {
    await attempt(async () => {
      setR(await surveysApi.results(roundId));
    });
  }, [roundId]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const saveTag = async (answerId: string) => {
    await attempt(async () => {
      await surveysApi.tag(answerId, { tag: tags[answerId]?.trim() || null });
      await load();
    });
  };
  const publish = async () => {
    await attempt(async () => {
      await surveysApi.publishResults(roundId, { improvements });
      void Taro.showToast({ title: '已向全体住户公布', icon: 'none' });
      await load();
    });
  };

  if (!r)
    return (
      <View className="page surveys">
        <Text className="muted">加载中…</Text>
      </View>
    );
  const texts = r.questions.flatMap((q) => q.texts ?? []);
  return (
    <View className="page surveys">
      <View className="card surveys__item">
        <Text className="surveys__title">{r.title}</Text>
        <View className="surveys__figures">
          <View className="surveys__figure">
            <Text className="surveys__figure-value">{`${r.responseRate.percent ?? '—'}%`}</Text>
            <Text className="muted">{`回收率 ${r.responded}/${r.invited}`}</Text>
          </View>
          <View className="surveys__figure">
            <Text
              className={`surveys__figure-value${(r.adjustedSatisfaction ?? 0) < r.target ? ' surveys__warn' : ''}`}
            >{`${r.adjustedSatisfaction ?? '—'}%`}</Text>
            <Text className="muted">满意率</Text>
          </View>
        </View>
        <Text className="muted">
          {r.penalty > 0
            ? `回收率低于 50%：原始满意率 ${r.satisfaction.percent}%，扣 ${r.penalty} 分`
            : `原始满意率 ${r.satisfaction.percent ?? '—'}%，回收率达标不扣分`}
        </Text>
        {r.previous ? (
          <Text className="muted">{`上一轮「${r.previous.title}」满意率 ${r.previous.adjustedSatisfaction ?? '—'}%`}</Text>
        ) : null}
      </View>

      <View className="card surveys__item">
        <Text className="surveys__title">{`分主题满意率（目标 ${r.target}%）`}</Text>
        <BarChart
          max={100}
          target={r.target}
          data={r.byTheme.map((t) => ({
            label: SURVEY_THEME_LABELS[t.theme],
            value: t.satisfaction.percent ?? 0,
            caption: `${t.satisfaction.percent ?? '—'}%`,
            warn: t.belowTarget,
          }))}
        />
      </View>

      {r.trend.length > 1 ? (
        <View className="card surveys__item">
          <Text className="surveys__title">历次满意率</Text>
          <BarChart
            max={100}
            target={r.target}
            data={r.trend.map((x) => ({
              label: x.title,
              value: x.adjustedSatisfaction ?? 0,
              caption: `${x.adjustedSatisfaction ?? '—'}%`,
              warn: (x.adjustedSatisfaction ?? 0) < r.target,
            }))}
          />
        </View>
      ) : null}

      <View className="card surveys__item">
        <Text className="surveys__title">不满意原因（排列图）</Text>
        {r.pareto.length ? (
          <ParetoChart data={r.pareto} />
        ) : (
          <Text className="muted">
            还没有归类的意见。给下方的文字意见加上标签后，这里会显示排列图。
          </Text>
        )}
      </View>

      {r.questions
        .filter((q) => q.counts.length > 0)
        .map((q) => (
          <View key={q.questionId} className="card surveys__item">
            <Text>{q.text}</Text>
            <BarChart data={q.counts.map((c) => ({ label: c.label, value: c.n }))} />
          </View>
        ))}

      {texts.length ? (
        <View className="card surveys__item">
          <Text className="surveys__title">住户意见</Text>
          {texts.map((x) => (
            <View key={x.answerId} className="surveys__summary">
              <Text>{`${x.room ? `${x.room}：` : ''}${x.text}`}</Text>
              <View className="surveys__tag">
                <Input
                  value={tags[x.answerId] ?? x.tag ?? ''}
                  onChange={(v) => setTags({ ...tags, [x.answerId]: v })}
                  placeholder="标签，如 响应慢"
                  maxLength={30}
                />
                <Button size="small" onClick={() => void saveTag(x.answerId)}>
                  归类
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {r.status === SurveyRoundStatus.Closed ? (
        <View className="card surveys__item">
          <Text className="surveys__title">向住户公布结果</Text>
          <TextArea
            value={improvements}
            onChange={setImprovements}
            placeholder="我们将改进的事项，如 垃圾清运改为每天两次"
            maxLength={500}
            rows={2}
          />
          <Button
            type="primary"
            block
            disabled={improvements.trim().length < 4}
            onClick={() => void publish()}
          >
            公布结果
          </Button>
        </View>
      ) : null}
      {r.status === SurveyRoundStatus.ResultsPublished ? (
        <Text className="muted">结果已向住户公布。</Text>
      ) : null}
    </View>
  );
}
