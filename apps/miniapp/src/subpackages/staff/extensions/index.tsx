import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SLA_MILESTONE_LABELS, TicketExtensionDto } from '@linli/contracts';
import { QueryStatus } from '../../../components/query-status';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { formatTime } from '../../../services/app/format';
import { ticketDetailPage } from '../../../services/app/routes';
import '../staff.scss';

/** 延期审批 (supervisors): the requests awaiting a decision, oldest first; each opens its ticket to decide. */
export default function ExtensionsPage() {
  const query = useQuery<TicketExtensionDto[]>(() => api.pendingExtensions(), []);
  const items = query.data;

  return (
    <View className="page staff">
      <QueryStatus query={query} empty="没有待审批的延期申请" />
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
