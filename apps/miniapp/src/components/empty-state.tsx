import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './empty-state.scss';

interface Props {
  /** What is (not) there, in plain Chinese: "还没有报事记录". */
  text: string;
  /** An optional next step under the text (a button or a link). */
  action?: ReactNode;
}

/**
 * The one empty state every list uses: a short line in a compact card, not a picture above blank space.
 * Drawn without an image so it works offline and on an intranet.
 */
export function EmptyState({ text, action }: Props) {
  return (
    <View className="empty-state">
      <Text className="empty-state__text">{text}</Text>
      {action ? <View className="empty-state__action">{action}</View> : null}
    </View>
  );
}
