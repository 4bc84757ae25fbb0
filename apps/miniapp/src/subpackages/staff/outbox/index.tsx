import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { NOTIFICATION_KIND_LABELS, OUTBOX_STATUS_LABELS, OutboxPageDto, OutboxStatusName } from '@linli/contracts';
import { EmptyState } from '../../../components/empty-state';
import { api } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { showError } from '../../../services/http';
import '../staff.scss';

const TABS: OutboxStatusName[] = ['dead', 'revoked', 'pending', 'sent'];
const COUNTED: OutboxStatusName[] = ['pending', 'sent', 'revoked', 'dead'];

/** 微信消息投递 (admins): what the outbox holds by state, why messages failed, and sending a failed one again. */
export default function OutboxAdminPage() {
  const [status, setStatus] = useState<OutboxStatusName>('dead');
  const [page, setPage] = useState<OutboxPageDto | null>(null);
  const load = useCallback(async (which: OutboxStatusName) => {
    try {
      setPage(await api.adminOutbox(which));
    } catch (err) {
      showError(err);
    }
  }, []);
  useDidShow(() => void load(status));
  usePullDownRefresh(() => void load(status).finally(() => Taro.stopPullDownRefresh()));

  const choose = (which: OutboxStatusName) => {
    setStatus(which);
    void load(which);
  };
  const retry = async (id: string) => {
    try {
      await api.adminOutboxRetry(id);
      await Taro.showToast({ title: '已重新排队发送', icon: 'success' });
      await load(status);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <View className='page staff'>
      {page ? (
        <View className='card staff__counts'>
          {COUNTED.map((s) => (
            <View key={s} className='staff__count'>
              <Text className='staff__count-value'>{page.counts[s]}</Text>
              <Text className='muted'>{OUTBOX_STATUS_LABELS[s]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className='chips'>
        {TABS.map((s) => (
          <View key={s} className={`chip${s === status ? ' chip--active' : ''}`} onClick={() => choose(s)}>
            {OUTBOX_STATUS_LABELS[s]}
          </View>
        ))}
      </View>
      {page && page.items.length === 0 ? <EmptyState text='没有这类消息' /> : null}
      {(page?.items ?? []).map((m) => (
        <View key={m.id} className='card staff__item outbox-item'>
          <View className='staff__title'>
            <Text>{`${NOTIFICATION_KIND_LABELS[m.kind]} → ${m.recipientName}`}</Text>
            <Text className='muted'>{OUTBOX_STATUS_LABELS[m.status]}</Text>
          </View>
          <Text className='muted'>{[m.ticketCode, formatTime(m.createdAt), `尝试 ${m.attempts} 次`].filter(Boolean).join(' · ')}</Text>
          {m.lastError ? <Text className='staff__error'>{m.lastError}</Text> : null}
          {m.status === 'dead' ? (
            <View className='staff__buttons'>
              <Button type='primary' size='small' onClick={() => void retry(m.id)}>
                重发
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
