import { View } from '@tarojs/components';
import type { QueryView } from '../services/request/use-query';
import { EmptyState } from './empty-state';
import { LoadFailed } from './load-more';
import './load-more.scss';

interface Props<T> {
  query: Pick<QueryView<T>, 'data' | 'error' | 'loading' | 'reload'>;
  /** The empty state's sentence, shown when `isEmpty(data)` (default: an empty array). */
  empty?: string;
  isEmpty?: (data: T) => boolean;
}

const emptyArray = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * What a page shows before or instead of its data: 加载中… on the first load, 加载失败 with 重试 when
 * nothing could be loaded (the toast said why), and the empty state once the data is there but empty.
 * Renders nothing once there is something to show.
 */
export function QueryStatus<T>({ query, empty, isEmpty = emptyArray }: Props<T>) {
  if (query.data === null) {
    if (query.error && !query.loading) {
      return <LoadFailed onRetry={() => void query.reload()} />;
    }
    return <View className="load-more">加载中…</View>;
  }
  return empty && isEmpty(query.data) ? <EmptyState text={empty} /> : null;
}
