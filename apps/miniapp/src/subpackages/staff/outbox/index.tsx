import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  NOTIFICATION_KIND_LABELS,
  OUTBOX_STATUS_LABELS,
  OutboxItemDto,
  OutboxPageDto,
  OutboxStatusName,
} from '@linli/contracts';
import { EmptyState } from '../../../components/empty-state';
import { ListEnd } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { formatTime } from '../../../services/app/format';
import { attempt } from '../../../services/request/result';
import { Chip } from '../../../components/chips';
import '../staff.scss';

const TABS: OutboxStatusName[] = ['dead', 'revoked', 'pending', 'sent'];
const COUNTED: OutboxStatusName[] = ['pending', 'sent', 'revoked', 'dead'];

/** 微信消息投递 (admins): what the outbox holds by state, why messages failed, and sending a failed one again. */
export default function OutboxAdminPage() {
  const [status, setStatus] = useState<OutboxStatusName>('dead');
  // The counts come with every page (the latest wins); the messages load a page at a time as the list is scrolled.
  const [counts, setCounts] = useState<OutboxPageDto['counts'] | null>(null);
  const list = usePagedList<OutboxItemDto>(
    async (cursor) => {
      const page = await api.adminOutbox(status, cursor);
      setCounts(page.counts);
      return page;
    },
    (m) => m.id,
    [status],
  );
  const items = list.items;

  const choose = (which: OutboxStatusName) => setStatus(which);
  const retry = async (id: string) => {
    await attempt(async () => {
      await api.adminOutboxRetry(id);
      await Taro.showToast({ title: '已重新排队发送', icon: 'success' });
      await list.reload();
    });
  };

  return (
    <View className="page staff">
      {counts ? (
        <View className="card staff__counts">
          {COUNTED.map((s) => (
            <View key={s} className="staff__count">
              <Text className="staff__count-value">{counts[s]}</Text>
              <Text className="muted">{OUTBOX_STATUS_LABELS[s]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="chips">
        {TABS.map((s) => (
          <Chip key={s} active={s === status} onClick={() => choose(s)}>
            {OUTBOX_STATUS_LABELS[s]}
          </Chip>
        ))}
      </View>
      {items && items.length === 0 && list.status !== 'error' ? (
        <EmptyState text="没有这类消息" />
      ) : null}
      {(items ?? []).map((m) => (
        <View key={m.id} className="card staff__item outbox-item">
          <View className="staff__title">
            <Text>{`${NOTIFICATION_KIND_LABELS[m.kind]} → ${m.recipientName}`}</Text>
            <Text className="muted">{OUTBOX_STATUS_LABELS[m.status]}</Text>
          </View>
          <Text className="muted">
            {[m.ticketCode, formatTime(m.createdAt), `尝试 ${m.attempts} 次`]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {m.lastError ? <Text className="staff__error">{m.lastError}</Text> : null}
          {m.status === 'dead' ? <RetryButton onRetry={() => void retry(m.id)} /> : null}
        </View>
      ))}
      <ListEnd list={list} whenEmpty />
    </View>
  );
}

/** 重发: a message WeChat gave up on goes back into the queue. */
function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <View className="staff__buttons">
      <Button type="primary" size="small" onClick={onRetry}>
        重发
      </Button>
    </View>
  );
}
