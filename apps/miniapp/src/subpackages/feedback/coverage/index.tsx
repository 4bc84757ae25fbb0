import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { CALLBACK_STATUS_LABELS, CallbackCoverageDto, CoverageFigure } from '@linli/contracts';
import { feedbackApi } from '../../../services/api/feedback-api';
import { formatTime } from '../../../services/app/format';
import { ticketDetailPage } from '../../../services/app/routes';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import { Chip } from '../../../components/chips';
import '../feedback.scss';

/** 'YYYY-MM' of the month before. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const share = (done: number, total: number) => (total === 0 ? null : done / total);
const percent = (x: number) => `${Math.round(x * 100)}%`;

function Figure({ f }: { f: CoverageFigure }) {
  const value = share(f.done, f.total);
  const met = f.target === null || value === null || value >= f.target;
  return (
    <View className="feedback__figure">
      <View className="feedback__figure-head">
        <Text>{f.label}</Text>
        <Text className={met ? 'muted' : 'feedback__status feedback__status--overdue'}>
          {`${f.done}/${f.total}${value === null ? '' : ` · ${percent(value)}`}${f.target === null ? '' : ` · 目标 ≥${percent(f.target)}`}`}
        </Text>
      </View>
      <View className="feedback__bar">
        <View
          className={`feedback__bar-fill${met ? '' : ' feedback__bar-fill--short'}`}
          style={{ width: `${Math.min(100, Math.round((value ?? 0) * 100))}%` }}
        />
      </View>
    </View>
  );
}

/**
 * 回访抽查 (supervisor): the month's callback coverage against the targets (every valid complaint called
 * back; ≥10% formally sampled, ≥30% of those in person; the supervisor's own check of ≥50% and every major
 * complaint), the month's ratings, and the sample with why each ticket was chosen.
 */
export default function CallbackCoveragePage() {
  // The server's month (its business clock) comes with the first answer.
  const [thisMonth, setThisMonth] = useState<string | null>(null);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [cov, setCov] = useState<CallbackCoverageDto | null>(null);
  const task = useTask();
  const drawing = task.running;
  const choices = thisMonth ? [thisMonth, previousMonth(thisMonth)] : [];

  const load = useCallback(async (m: string | undefined) => {
    await attempt(async () => {
      const answer = await feedbackApi.coverage(m);
      setCov(answer);
      if (m === undefined) setThisMonth(answer.month);
    });
  }, []);
  useDidShow(() => void load(month));
  usePullDownRefresh(() => void load(month).finally(() => Taro.stopPullDownRefresh()));

  const choose = (m: string) => {
    setMonth(m);
    setCov(null);
    void load(m);
  };
  const draw = async () => {
    await task.run(async () => {
      setCov(await feedbackApi.runSample(cov?.month));
      void Taro.showToast({ title: '已抽样并派发回访', icon: 'success' });
    });
  };

  return (
    <View className="page feedback">
      <View className="chips">
        {choices.map((m) => (
          <Chip key={m} active={m === (month ?? thisMonth)} onClick={() => choose(m)}>
            {m === choices[0] ? `本月（${m}）` : `上月（${m}）`}
          </Chip>
        ))}
      </View>
      {cov === null ? <Text className="muted">加载中…</Text> : null}
      {cov ? (
        <>
          <View className="card feedback__counts">
            <View className="feedback__count">
              <Text className="feedback__count-value">{cov.complaints}</Text>
              <Text className="muted">投诉</Text>
            </View>
            <View className="feedback__count">
              <Text className="feedback__count-value">{cov.validComplaints}</Text>
              <Text className="muted">有效已办结</Text>
            </View>
            <View className="feedback__count">
              <Text className="feedback__count-value">{cov.majorComplaints}</Text>
              <Text className="muted">重大投诉</Text>
            </View>
          </View>
          <Text className="section-title">回访覆盖</Text>
          <View className="card">
            {cov.figures.map((f) => (
              <Figure key={f.label} f={f} />
            ))}
          </View>
          <Text className="section-title">住户评价</Text>
          <View className="card feedback__counts">
            {[
              ['满意', cov.ratings.satisfied],
              ['基本满意', cov.ratings.basic],
              ['不满意', cov.ratings.dissatisfied],
              ['未评价', cov.ratings.notRated],
            ].map(([label, n]) => (
              <View key={label} className="feedback__count">
                <Text className="feedback__count-value">{n}</Text>
                <Text className="muted">{label}</Text>
              </View>
            ))}
          </View>
          <Text className="section-title">当月抽样</Text>
          <View className="card">
            {cov.sample ? (
              <>
                <Text className="muted">{`${formatTime(cov.sample.drawnAt)} 抽取 · 随机种子 ${cov.sample.seed}（可复现）`}</Text>
                {cov.sample.tickets.map((s) => (
                  <View
                    key={s.ticketId}
                    className="feedback__sampled"
                    onClick={() => void Taro.navigateTo({ url: ticketDetailPage(s.ticketId) })}
                  >
                    <View className="feedback__figure-head">
                      <Text className="feedback__ticket">{s.ticketCode}</Text>
                      <Text className="muted">
                        {s.callbackStatus ? CALLBACK_STATUS_LABELS[s.callbackStatus] : '—'}
                      </Text>
                    </View>
                    <Text>{s.description}</Text>
                    <Text className="muted">{`抽中原因：${s.why}`}</Text>
                  </View>
                ))}
                {cov.sample.tickets.length === 0 ? (
                  <Text className="muted">该月没有可抽样的已办结有效投诉</Text>
                ) : null}
              </>
            ) : (
              <View className="feedback__item">
                <Text className="muted">
                  该月尚未抽样。抽样按随机种子进行并保存，抽中的投诉会派发回访任务。
                </Text>
                <Button type="primary" block loading={drawing} onClick={() => void draw()}>
                  抽取该月回访样本
                </Button>
              </View>
            )}
          </View>
        </>
      ) : null}
    </View>
  );
}
