import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/api';

/** The tab that carries the unread badge: 我的, where the 消息中心 is. */
const ME_TAB = 2;

/** The caller's unread count, refreshed whenever a tab page shows, and mirrored as the badge on 我的. */
export function useUnread(enabled: boolean): number {
  const [unread, setUnread] = useState(0);
  useDidShow(() => {
    if (!enabled) return;
    api.unreadCount().then(
      ({ unread: n }) => {
        setUnread(n);
        const badge =
          n > 0
            ? Taro.setTabBarBadge({ index: ME_TAB, text: n > 99 ? '99+' : String(n) })
            : Taro.removeTabBarBadge({ index: ME_TAB });
        badge.catch(() => undefined); // not on a tab page: nothing to badge
      },
      () => undefined, // the badge is a hint; a failed count must not interrupt the page
    );
  });
  return unread;
}
