import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/api';

/** How many household files of the staff member's buildings are due for their quarterly review, refreshed whenever the page shows. */
export function useReviewsDue(enabled: boolean): number {
  const [due, setDue] = useState(0);
  useDidShow(() => {
    if (!enabled) return;
    api.reviewsDue().then(
      (list) => setDue(list.total),
      () => undefined, // a hint on the page; a failure must not interrupt it
    );
  });
  return due;
}
