import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { MySurveyDto, SurveySummaryDto } from '@linli/contracts';
import { formatTime } from '../../../services/app/format';
import { surveyAnswerPage, surveysApi } from '../../../services/api/surveys-api';
import { attempt } from '../../../services/request/result';
import '../surveys.scss';

/** 我的问卷: the questionnaires the household is invited to (open ones first), and published results. */
export default function MySurveysPage() {
  const [items, setItems] = useState<MySurveyDto[] | null>(null);
  const [summary, setSummary] = useState<SurveySummaryDto | null>(null);
  const load = useCallback(async () => {
    await attempt(async () => {
      setItems(await surveysApi.mine());
    });
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const open = async (s: MySurveyDto) => {
    if (s.resultsPublished) {
      await attempt(async () => {
        setSummary(await surveysApi.summary(s.roundId));
      });
      return;
    }
    await Taro.navigateTo({ url: surveyAnswerPage(s.roundId) });
  };

  return (
    <View className="page surveys">
      {items === null ? <Text className="muted">加载中…</Text> : null}
      {items && items.length === 0 ? (
        <Text className="muted">暂时没有邀请您家参加的问卷。收到邀请时，消息中心会通知您。</Text>
      ) : null}
      {(items ?? []).map((s) => (
        <View key={s.roundId} className="card surveys__item" onClick={() => void open(s)}>
          <View className="surveys__row">
            <Text className="surveys__title">{s.title}</Text>
            <Text className={s.canAnswer ? 'surveys__badge' : 'muted'}>
              {s.completed ? '已完成' : s.canAnswer ? '去作答' : '已结束'}
            </Text>
          </View>
          <Text className="muted">
            {s.resultsPublished
              ? '结果已公布，点开查看'
              : `已答 ${s.answered}/${s.total} · ${formatTime(s.closesAt)} 截止`}
          </Text>
          {summary && summary.roundId === s.roundId ? (
            <View className="surveys__summary">
              <Text>{`回收率 ${summary.responseRate ?? '—'}% · 满意率 ${summary.adjustedSatisfaction ?? '—'}%`}</Text>
              <Text>{`我们将改进：${summary.improvements}`}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
