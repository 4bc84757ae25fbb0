import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/api';

/** How many extension requests wait for this supervisor's decision, refreshed whenever the page shows. */
export function usePendingExtensions(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!enabled) return;
    api.pendingExtensions().then(
      (items) => setCount(items.length),
      () => undefined, // a hint on the page; a failure must not interrupt it
    );
  });
  return count;
}
