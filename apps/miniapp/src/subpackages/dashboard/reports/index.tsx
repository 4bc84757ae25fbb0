import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { REPORT_KIND_LABELS, ReportKind, ReportSummaryDto } from '@linli/contracts';
import { chinaMonthOf, periodWindow, previousWeekMonday } from '@linli/domain';
import { ListEnd } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { dashboardApi, shiftMonth } from '../../../services/api/dashboard';
import { formatTime } from '../../../services/app/format';
import { openSheet } from '../../../services/households/sheet-files';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import '../dashboard.scss';

/** The last period of each kind that has ended by `now` (China time). */
export function lastEndedPeriod(kind: ReportKind, now: Date): string {
  const month = chinaMonthOf(now);
  const [y, m] = month.split('-').map(Number);
  switch (kind) {
    case ReportKind.Weekly:
      return previousWeekMonday(now);
    case ReportKind.Monthly:
      return shiftMonth(month, -1);
    case ReportKind.Quarterly: {
      const q = Math.floor((m - 1) / 3); // the current quarter's index; the last ended one is before it
      return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
    }
    case ReportKind.Annual:
      return String(y - 1);
  }
}

const KINDS = [ReportKind.Weekly, ReportKind.Monthly, ReportKind.Quarterly, ReportKind.Annual];

/**
 * 报表: a department head's weekly complaints to review, the monthly department report, the quarterly
 * analysis and the annual summary. Issued once for an ended period and kept as issued: downloading it
 * later gives the same workbook.
 */
export default function ReportsPage() {
  const [kind, setKind] = useState(ReportKind.Monthly);
  const [now, setNow] = useState<Date | null>(null);
  const task = useTask();
  const busy = task.running;
  // Reports issued over the years: newest first, a page at a time (the next on scroll, <LoadMore> at the end).
  const list = usePagedList<ReportSummaryDto>(
    (cursor) => dashboardApi.reports(cursor),
    (r) => r.id,
    [],
  );
  const reports = list.items;
  const load = useCallback(async () => {
    await attempt(async () => {
      setNow(new Date((await api.meta()).now));
    });
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const period = now ? lastEndedPeriod(kind, now) : null;
  const label = period ? periodWindow(kind, period)?.label : null;
  const openReport = async (r: ReportSummaryDto) =>
    openSheet(await dashboardApi.reportFile(r.id), `${r.title}.xlsx`);
  const download = async (r: ReportSummaryDto) => {
    await task.run(() => openReport(r));
  };
  const issue = async () => {
    if (!period) return;
    await task.run(async () => {
      const r = await dashboardApi.issueReport({ kind, period });
      void Taro.showToast({ title: '报表已出具', icon: 'success' });
      await list.reload();
      await openReport(r);
    });
  };

  return (
    <View className="page dashboard">
      <View className="card">
        <View className="dashboard__card-title">出具报表</View>
        <View className="chips">
          {KINDS.map((k) => (
            <Text
              key={k}
              className={`chip ${k === kind ? 'chip--active' : ''}`}
              onClick={() => setKind(k)}
            >
              {REPORT_KIND_LABELS[k]}
            </Text>
          ))}
        </View>
        <Text className="muted">
          {label ? `统计期间：${label}（已结束的最近一期）` : '正在读取时间…'}
        </Text>
        <View className="dashboard__actions">
          <Button type="primary" block disabled={busy || !period} onClick={() => void issue()}>
            出具并下载
          </Button>
        </View>
        <Text className="muted">同一期间的报表只出具一次，之后下载的都是出具时的内容。</Text>
      </View>

      <View className="section-title">已出具的报表</View>
      {reports === null ? <Text className="muted">正在加载…</Text> : null}
      {reports && reports.length === 0 ? (
        <Empty description="还没有出具过报表" image={<Text className="empty-mark">无</Text>} />
      ) : null}
      {(reports ?? []).map((r) => (
        <View key={r.id} className="card" onClick={() => void download(r)}>
          <View className="dashboard__row">
            <Text className="dashboard__cell-name">{r.title}</Text>
            <Text className="dashboard__link">下载</Text>
          </View>
          <Text className="muted">{`${r.issuedByName} · ${formatTime(r.issuedAt)} 出具`}</Text>
        </View>
      ))}
      <ListEnd list={list} />
    </View>
  );
}
