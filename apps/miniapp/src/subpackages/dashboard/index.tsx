import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useRef, useState } from 'react';
import { CompanyDashboardDto, DashboardDto, HeadlineIndicatorDto, Role } from '@linli/contracts';
import { dashboardApi, monthLabel, percent, shiftMonth } from '../../services/api/dashboard';
import { formatTime } from '../../services/app/format';
import { dashboardTicketsPage, REPORTS_PAGE } from '../../services/app/routes';
import { openSheet } from '../../services/households/sheet-files';
import { useRequiredUser } from '../../services/session/use-session';
import { BarList, Columns, Pareto } from './charts';
import { useTask } from '../../services/request/use-action';
import './dashboard.scss';

/**
 * 数据看板: the month's figures of the brief's "Indicators and reports" against the company's targets, for
 * the supervisor's community (a department head: their department's tickets; a company admin: any of
 * their communities, and all of them side by side). A missed figure opens the tickets behind it.
 */
export default function DashboardPage() {
  const user = useRequiredUser();
  const [data, setData] = useState<DashboardDto | null>(null);
  const [company, setCompany] = useState<CompanyDashboardDto | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const task = useTask();
  const busy = task.running;
  const choice = useRef<{ month?: string; communityId?: string }>({});

  const load = useCallback(async () => {
    setFailed(null);
    try {
      const d = await dashboardApi.read(choice.current.month, choice.current.communityId);
      setData(d);
      choice.current = { month: d.period.month, communityId: d.scope.communityId };
      if (user?.role === Role.Admin && d.communities.length > 1)
        setCompany(await dashboardApi.company(d.period.month));
    } catch (err) {
      setFailed(err instanceof Error && err.message ? err.message : '数据加载失败');
    }
  }, [user?.role]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const go = (patch: { month?: string; communityId?: string }) => {
    choice.current = { ...choice.current, ...patch };
    setData(null);
    void load();
  };
  const exportXlsx = async () => {
    if (!data) return;
    await task.run(async () => {
      const file = await dashboardApi.exportFile(data.period.month, data.scope.communityId);
      await openSheet(file, `${data.scope.communityName} ${data.period.month} 数据看板.xlsx`);
    });
  };

  if (failed) {
    return (
      <View className="page dashboard">
        <View className="card">
          <Text>{`数据看板暂时打不开：${failed}`}</Text>
        </View>
        <Button type="primary" block onClick={() => void load()}>
          重新加载
        </Button>
      </View>
    );
  }
  if (!data) {
    return (
      <View className="page dashboard">
        <Text className="muted">正在统计本月数据…</Text>
      </View>
    );
  }
  const d = data;
  const month = d.period.month;
  const thisMonth = d.period.asOf.slice(0, 7) <= month;
  const scope = `${d.scope.communityName}${d.scope.departmentLabel ? ` · ${d.scope.departmentLabel}` : ''}`;
  const received = d.trend.map((p) => p.received);
  const maxReceived = Math.max(1, ...received);
  const emergency = d.headline.find((h) => h.key === 'emergencyResponse')!;

  return (
    <View className="page dashboard">
      <View className="dashboard__head">
        <Text className="dashboard__scope">{scope}</Text>
        <View className="dashboard__month">
          <Text className="dashboard__arrow" onClick={() => go({ month: shiftMonth(month, -1) })}>
            ‹
          </Text>
          <Text>{monthLabel(month)}</Text>
          {thisMonth ? (
            <Text className="dashboard__arrow muted">›</Text>
          ) : (
            <Text className="dashboard__arrow" onClick={() => go({ month: shiftMonth(month, 1) })}>
              ›
            </Text>
          )}
        </View>
      </View>
      {d.communities.length > 1 ? (
        <View className="chips">
          {d.communities.map((c) => (
            <Text
              key={c.id}
              className={`chip ${c.id === d.scope.communityId ? 'chip--active' : ''}`}
              onClick={() => go({ communityId: c.id })}
            >
              {c.name}
            </Text>
          ))}
        </View>
      ) : null}
      {/* The month still open is answered from figures refreshed every few minutes: say how recent they are (12-04 10:20). */}
      <Text className="muted dashboard__as-of">{`本月收到 ${d.received} 件 · 数据截至 ${thisMonth ? formatTime(d.period.asOf).slice(5) : formatTime(d.period.asOf)}`}</Text>

      <View className="section-title">核心指标</View>
      <View className="dashboard__grid">
        {d.headline.map((h) => (
          <Figure
            key={h.key}
            h={h}
            onOpen={() =>
              void Taro.navigateTo({ url: dashboardTicketsPage(h.key, month, d.scope.communityId) })
            }
          />
        ))}
      </View>

      {company ? (
        <View className="card">
          <View className="dashboard__card-title">各小区对比</View>
          {company.communities.map((c) => (
            <View
              key={c.communityId}
              className="dashboard__row"
              onClick={() => go({ communityId: c.communityId })}
            >
              <Text className="dashboard__cell-name">{c.communityName}</Text>
              <Text>{`${c.received} 件 · 紧急响应 ${percent(c.headline[0].rate)} · 投诉 ${percent(c.headline[1].rate)}`}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="card">
        <View className="dashboard__card-title">近六个月报事量</View>
        <Columns
          points={d.trend.map((p) => ({
            key: p.month,
            label: monthLabel(p.month, true),
            value: p.received / maxReceived,
            text: String(p.received),
          }))}
        />
      </View>
      <View className="card">
        <View className="dashboard__card-title">{`近六个月${emergency.label}`}</View>
        <Columns
          points={d.trend.map((p) => ({
            key: p.month,
            label: monthLabel(p.month, true),
            value: p.emergencyResponse,
            text: p.emergencyResponse === null ? '—' : percent(p.emergencyResponse),
            warn: p.emergencyResponse !== null && p.emergencyResponse < emergency.target,
          }))}
        />
      </View>

      <View className="card">
        <View className="dashboard__card-title">投诉类别（帕累托）</View>
        <Pareto rows={d.complaintsByCategory} />
      </View>
      <View className="card">
        <View className="dashboard__card-title">报事类别</View>
        <BarList rows={d.byCategory} />
      </View>
      <View className="card">
        <View className="dashboard__card-title">按部门</View>
        <BarList rows={d.byDepartment} />
      </View>

      <View className="card">
        <View className="dashboard__card-title">时效</View>
        <View className="dashboard__stats">
          <Stat
            label="首次响应中位数"
            value={
              d.firstResponseMinutes.median === null ? '—' : `${d.firstResponseMinutes.median} 分钟`
            }
          />
          <Stat
            label="处理完成中位数"
            value={d.resolutionHours.median === null ? '—' : `${d.resolutionHours.median} 小时`}
          />
          <Stat label="返修率" value={percent(d.reopen.rate)} />
        </View>
        {d.milestones
          .filter((m) => m.planned > 0)
          .map((m) => (
            <View key={m.milestone} className="dashboard__row">
              <Text>{`${m.label}时限 ${m.planned} 个`}</Text>
              <Text>
                {`预警 ${m.warned} · `}
                <Text
                  className={m.breached > 0 ? 'dashboard__late' : ''}
                >{`超时 ${m.breached}`}</Text>
              </Text>
            </View>
          ))}
        <View className="dashboard__row">
          <Text>延期申请</Text>
          <Text>{`${d.extensions.asked} 件 · 批准 ${d.extensions.approved} · 驳回 ${d.extensions.rejected}`}</Text>
        </View>
        <View className="dashboard__row">
          <Text>无效投诉</Text>
          <Text>{`${d.invalidComplaints.count} 件 · 按时答复 ${d.invalidComplaints.answeredOnTime}`}</Text>
        </View>
        <View className="dashboard__row">
          <Text>升级</Text>
          <Text>{`至主任 ${d.escalations.level1} · 至公司 ${d.escalations.level2}`}</Text>
        </View>
        {d.overduePhoneTasks > 0 ? (
          <View className="dashboard__row">
            <Text className="dashboard__late">超过 1 小时未拨打的电话任务</Text>
            <Text className="dashboard__late">{`${d.overduePhoneTasks} 个`}</Text>
          </View>
        ) : null}
      </View>

      <View className="card">
        <View className="dashboard__card-title">管家工作量</View>
        {d.assistants.length === 0 ? (
          <Text className="muted">暂无管家</Text>
        ) : (
          <View className="dashboard__table">
            <View className="dashboard__tr dashboard__tr--head">
              <Text>姓名</Text>
              <Text>在办</Text>
              <Text>超时</Text>
              <Text>完成</Text>
              <Text>按时率</Text>
            </View>
            {d.assistants.map((a) => (
              <View key={a.userId} className="dashboard__tr">
                <Text className="dashboard__cell-name">{a.name}</Text>
                <Text>{a.open}</Text>
                <Text className={a.late > 0 ? 'dashboard__late' : ''}>{a.late}</Text>
                <Text>{a.resolved}</Text>
                <Text>{percent(a.onTimeShare)}</Text>
              </View>
            ))}
          </View>
        )}
        {d.departments.map((x) => (
          <View key={x.department} className="dashboard__row">
            <Text>{`${x.label}在办工单`}</Text>
            <Text>
              {`${x.open} 件`}
              {x.late > 0 ? <Text className="dashboard__late">{` · 超时 ${x.late}`}</Text> : null}
            </Text>
          </View>
        ))}
      </View>

      <View className="dashboard__actions">
        <View className="dashboard__action">
          <Button block disabled={busy} onClick={() => void exportXlsx()}>
            导出 Excel
          </Button>
        </View>
        <View className="dashboard__action">
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: REPORTS_PAGE })}>
            周报 · 月报 · 季报
          </Button>
        </View>
      </View>
    </View>
  );
}

function Figure({ h, onOpen }: { h: HeadlineIndicatorDto; onOpen: () => void }) {
  const state = h.met === null ? 'none' : h.met ? 'met' : 'missed';
  return (
    <View
      className={`card dashboard__figure dashboard__figure--${state}`}
      onClick={h.missed + h.pending > 0 ? onOpen : undefined}
    >
      <Text className="dashboard__figure-label">{h.label}</Text>
      <Text className={`dashboard__figure-value dashboard__figure-value--${state}`}>
        {h.rate === null ? '暂无数据' : percent(h.rate)}
      </Text>
      <Text className="muted">
        {h.denominator > 0
          ? `目标 ${percent(h.target)} · ${h.numerator}/${h.denominator} 件`
          : `目标 ${percent(h.target)}`}
      </Text>
      {h.missed > 0 ? (
        <Text className="dashboard__link">{`未达标 ${h.missed} 件 ›`}</Text>
      ) : h.pending > 0 ? (
        <Text className="dashboard__link">{`时限内处理中 ${h.pending} 件 ›`}</Text>
      ) : null}
    </View>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <View className="dashboard__stat">
      <Text className="dashboard__stat-value">{value}</Text>
      <Text className="muted">{label}</Text>
    </View>
  );
}
