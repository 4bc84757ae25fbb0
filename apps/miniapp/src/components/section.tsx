import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './section.scss';

interface Props {
  title: string;
  /** A link on the right of the title, e.g. 查看全部. */
  more?: { label: string; onClick: () => void };
}

/** A titled block of a page: the title sits flush with the cards below it, an optional link on the right. */
export function Section({ title, more, children }: PropsWithChildren<Props>) {
  return (
    <View className="section">
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {more ? (
          <Text className="section__more" onClick={more.onClick}>
            {more.label}
          </Text>
        ) : null}
      </View>
      {children}
    </View>
  );
}
