import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { SLA_MILESTONE_LABELS, TicketExtensionDto } from '@linli/contracts';
import { EmptyState } from '../../../components/empty-state';
import { api } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { showError } from '../../../services/http';
import { ticketDetailPage } from '../../../services/routes';
import '../staff.scss';

/** 延期审批 (supervisors): the requests awaiting a decision, oldest first; each opens its ticket to decide. */
export default function ExtensionsPage() {
  const [items, setItems] = useState<TicketExtensionDto[] | null>(null);
  const load = useCallback(async () => {
    try {
      setItems(await api.pendingExtensions());
    } catch (err) {
      showError(err);
    }
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page staff">
      {items && items.length === 0 ? <EmptyState text="没有待审批的延期申请" /> : null}
      {(items ?? []).map((e) => (
        <View
          key={e.id}
          className="card staff__item"
          onClick={() => void Taro.navigateTo({ url: ticketDetailPage(e.ticketId) })}
        >
          <View className="staff__title">
            <Text>{e.ticketCode}</Text>
            <Text className="muted">{e.requestedByName}</Text>
          </View>
          <Text>{`${SLA_MILESTONE_LABELS[e.milestone]}：${formatTime(e.previousDueAt)} → ${formatTime(e.requestedDueAt)}`}</Text>
          <Text className="staff__reason">{e.reason}</Text>
          <Text className="muted">{`${formatTime(e.requestedAt)} 申请`}</Text>
        </View>
      ))}
    </View>
  );
}
