import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/api';

/** How many join requests wait for the caller (an owner's households, the office's buildings), refreshed whenever the page shows. */
export function usePendingJoins(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!enabled) return;
    api.pendingJoinRequests().then(
      (items) => setCount(items.length),
      () => undefined, // a hint on the page; a failure must not interrupt it
    );
  });
  return count;
}
