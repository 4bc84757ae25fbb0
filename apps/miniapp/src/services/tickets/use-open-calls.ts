import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { CallTaskStatus } from '@linli/contracts';
import { api } from '../api/api';

/** How many phone tasks the staff member has open, refreshed whenever the page shows. */
export function useOpenCalls(enabled: boolean): number {
  const [open, setOpen] = useState(0);
  useDidShow(() => {
    if (!enabled) return;
    api.callTasks(CallTaskStatus.Open).then(
      (page) => setOpen(page.items.length),
      () => undefined, // a hint on the page; a failure must not interrupt it
    );
  });
  return open;
}
