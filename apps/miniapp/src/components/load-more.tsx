import { Text, View } from '@tarojs/components';
import type { PagedListView } from '../services/lists/use-paged-list';
import './load-more.scss';

interface Props {
  status: 'loading' | 'idle' | 'done' | 'error';
  /** How many items are shown: an empty list says so itself (EmptyState), not 没有更多了. */
  count: number;
  hasMore: boolean;
  onMore: () => void;
}

/** 加载失败 with 重试: what a list or a page shows when its load failed (the toast said why). */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  return (
    <View className="load-more load-more--error">
      <Text>加载失败，请检查网络</Text>
      <Text className="load-more__retry" onClick={onRetry}>
        重试
      </Text>
    </View>
  );
}

/**
 * The bottom of a paged list: 加载中… while a page is coming, 加载更多 (tap) when another page waits (for
 * lists shorter than the screen, where scrolling cannot reach the bottom), 没有更多了 at the end, and after a
 * failure 加载失败 with 重试.
 */
export function LoadMore({ status, count, hasMore, onMore }: Props) {
  if (status === 'error') return <LoadFailed onRetry={onMore} />;
  if (status === 'loading') return <View className="load-more">加载中…</View>;
  if (hasMore) {
    return (
      <View className="load-more load-more--tap" onClick={onMore}>
        加载更多
      </View>
    );
  }
  return count > 0 ? <View className="load-more">没有更多了</View> : null;
}

/**
 * The LoadMore of a usePagedList: shown once the first page is there and (unless `whenEmpty`) has items,
 * since an empty list shows its own empty sentence.
 */
export function ListEnd<T>({
  list,
  whenEmpty = false,
}: {
  list: PagedListView<T>;
  whenEmpty?: boolean;
}) {
  const items = list.items;
  if (items === null || (items.length === 0 && !whenEmpty)) return null;
  return (
    <LoadMore
      status={list.status}
      count={items.length}
      hasMore={list.hasMore}
      onMore={() => void list.loadMore()}
    />
  );
}
