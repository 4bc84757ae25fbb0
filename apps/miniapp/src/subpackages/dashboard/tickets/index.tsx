import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { IndicatorKey, IndicatorTicketDto } from '@linli/contracts';
import { dashboardApi, monthLabel } from '../../../services/api/dashboard';
import { formatTime } from '../../../services/app/format';
import { attempt } from '../../../services/request/result';
import { ticketDetailPage } from '../../../services/app/routes';
import '../dashboard.scss';

const TITLES: Record<IndicatorKey, string> = {
  emergencyResponse: '紧急报修响应',
  complaintResolve: '投诉处理完成',
  satisfaction: '住户满意',
  callbackCoverage: '有效投诉回访',
  surveyResponse: '问卷回收',
};

/** The tickets behind one figure: those that missed it first, then those still within their limit. */
export default function IndicatorTicketsPage() {
  const { params } = useRouter();
  const indicator = (params.indicator ?? 'emergencyResponse') as IndicatorKey;
  const month = params.month ? decodeURIComponent(params.month) : undefined;
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : undefined;
  const [rows, setRows] = useState<IndicatorTicketDto[] | null>(null);
  const load = useCallback(async () => {
    const found = await attempt(() => dashboardApi.tickets(indicator, month, communityId));
    setRows(found.ok ? found.data : []);
  }, [indicator, month, communityId]);
  useDidShow(() => {
    void Taro.setNavigationBarTitle({ title: `${TITLES[indicator] ?? '指标'}明细` });
    void load();
  });
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page dashboard">
      <Text className="muted">{`${month ? monthLabel(month) : '本月'}收到的工单中，${TITLES[indicator] ?? ''}未达标或仍在时限内的`}</Text>
      <View className="section-title">{rows === null ? '正在加载…' : `${rows.length} 件`}</View>
      {rows && rows.length === 0 ? (
        <Empty description="没有未达标的工单" image={<Text className="empty-mark">✓</Text>} />
      ) : null}
      {(rows ?? []).map((r) => (
        <View
          key={r.id}
          className="card"
          onClick={() => void Taro.navigateTo({ url: ticketDetailPage(r.id) })}
        >
          <View className="dashboard__row">
            <Text className="dashboard__cell-name">{`${r.code} · ${r.categoryName}`}</Text>
            <Text
              className={`dashboard__tag ${r.outcome === 'pending' ? 'dashboard__tag--pending' : ''}`}
            >
              {r.outcome === 'missed' ? '未达标' : '时限内'}
            </Text>
          </View>
          <Text className="muted">{`${r.roomLabel} · ${r.statusLabel} · ${formatTime(r.createdAt)} 报事`}</Text>
        </View>
      ))}
    </View>
  );
}
