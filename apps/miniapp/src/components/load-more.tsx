import { Text, View } from '@tarojs/components';
import './load-more.scss';

interface Props {
  status: 'loading' | 'idle' | 'done' | 'error';
  /** How many items are shown: an empty list says so itself (EmptyState), not 没有更多了. */
  count: number;
  hasMore: boolean;
  onMore: () => void;
}

/**
 * The bottom of a paged list: 加载中… while a page is coming, 加载更多 (tap) when another page waits (for
 * lists shorter than the screen, where scrolling cannot reach the bottom), 没有更多了 at the end, and after a
 * failure 加载失败 with 重试.
 */
export function LoadMore({ status, count, hasMore, onMore }: Props) {
  if (status === 'error') {
    return (
      <View className="load-more load-more--error">
        <Text>加载失败，请检查网络</Text>
        <Text className="load-more__retry" onClick={onMore}>
          重试
        </Text>
      </View>
    );
  }
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
