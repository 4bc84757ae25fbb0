import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/api';

/** How many work orders wait for the caller's department to accept or complete them, refreshed whenever the page shows. */
export function useWorkOrdersDue(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!enabled) return;
    api.workOrders().then(
      // The first page carries every open order (only open ones can be accepted or completed).
      (page) => setCount(page.items.filter((w) => w.canAccept || w.canComplete).length),
      () => undefined, // a hint on the page; a failure must not interrupt it
    );
  });
  return count;
}
