import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { NOTIFICATION_KIND_LABELS, NotificationDto, NotificationKind } from '@linli/contracts';
import { LoadMore } from '../../components/load-more';
import { api } from '../../services/api/api';
import { usePagedList } from '../../services/lists/use-paged-list';
import { formatTime } from '../../services/app/format';
import { ticketDetailPage } from '../../services/app/routes';
import { SURVEYS_MINE_PAGE } from '../../services/api/surveys-api';
import { attempt } from '../../services/request/result';
import './index.scss';

const URGENT = new Set([NotificationKind.SlaEscalated, NotificationKind.SlaWarning]);

/** 消息中心: the messages that always reach the user, newest first, a page at a time; tapping one opens its ticket. */
export default function InboxPage() {
  const [unread, setUnread] = useState(0);
  // Messages marked read here, shown read without reloading the pages already loaded.
  const [readHere, setReadHere] = useState<{ ids: Set<string>; all: boolean }>({
    ids: new Set(),
    all: false,
  });
  const list = usePagedList<NotificationDto>(
    async (cursor) => {
      const page = await api.notifications(cursor);
      setUnread(page.unread);
      if (cursor === null) setReadHere({ ids: new Set(), all: false });
      return page;
    },
    (n) => n.id,
    [],
  );
  const items =
    list.items?.map((n) =>
      !n.read && (readHere.all || readHere.ids.has(n.id)) ? { ...n, read: true } : n,
    ) ?? null;

  const open = async (n: NotificationDto) => {
    if (!n.read) {
      setReadHere((r) => ({ ...r, ids: new Set([...r.ids, n.id]) }));
      void attempt(async () => setUnread((await api.markRead({ ids: [n.id] })).unread));
    }
    if (n.ticketId) await Taro.navigateTo({ url: ticketDetailPage(n.ticketId) });
    else if (n.kind === NotificationKind.SurveyInvite)
      await Taro.navigateTo({ url: SURVEYS_MINE_PAGE });
  };
  const readAll = async () => {
    await attempt(async () => {
      setUnread((await api.markRead({ all: true })).unread);
      setReadHere((r) => ({ ...r, all: true }));
    });
  };

  if (items === null) return <View className="page" />;
  return (
    <View className="page inbox">
      {unread > 0 ? (
        <View className="inbox__head">
          <Text className="muted">{`${unread} 条未读`}</Text>
          <Button size="small" onClick={() => void readAll()}>
            全部已读
          </Button>
        </View>
      ) : null}
      {items.length === 0 ? (
        <Empty description="暂无消息" image={<Text className="empty-mark">无</Text>} />
      ) : null}
      {items.map((n) => (
        <View
          key={n.id}
          className={`card inbox__item${n.read ? '' : ' inbox__item--unread'}`}
          onClick={() => void open(n)}
        >
          <View className="inbox__title">
            <Text className={`inbox__kind${URGENT.has(n.kind) ? ' inbox__kind--urgent' : ''}`}>
              {NOTIFICATION_KIND_LABELS[n.kind]}
            </Text>
            <Text className="inbox__name">{n.title}</Text>
          </View>
          <Text className="inbox__body">{n.body}</Text>
          <Text className="inbox__time">{formatTime(n.createdAt)}</Text>
        </View>
      ))}
      <LoadMore
        status={list.status}
        count={items.length}
        hasMore={list.hasMore}
        onMore={() => void list.loadMore()}
      />
    </View>
  );
}
