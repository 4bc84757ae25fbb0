import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import type { ComponentType } from 'react';
import './menu-list.scss';

/** One row of a settings-style list. A row without onClick is information: no chevron, no tap feedback. */
export interface MenuRow {
  key: string;
  title: string;
  icon: ComponentType<{ size?: string | number; color?: string }>;
  /** Tile colour behind the white icon, as in WeChat's own settings. */
  color: string;
  /** Short value or hint on the right; kept on one line (ellipsis, never wrapped mid-word). */
  value?: string;
  /** A red count on the right (unread messages, waiting approvals). */
  badge?: number;
  onClick?: () => void;
}

export interface MenuSection {
  key: string;
  title: string;
  rows: MenuRow[];
}

/** Grouped rows with icons and chevrons, in the style of WeChat's settings pages. Empty groups are not drawn. */
export function MenuList({ sections }: { sections: MenuSection[] }) {
  return (
    <View className="menu-list">
      {sections
        .filter((s) => s.rows.length > 0)
        .map((s) => (
          <View key={s.key} className="menu-list__group">
            <Text className="menu-list__title">{s.title}</Text>
            <CellGroup>
              {s.rows.map((r) => (
                <Cell
                  key={r.key}
                  className={`menu-list__row${r.onClick ? '' : ' menu-list__row--static'}`}
                  clickable={Boolean(r.onClick)}
                  onClick={r.onClick}
                  align="center"
                  title={
                    <View className="menu-list__label">
                      <View className="menu-list__icon" style={{ background: r.color }}>
                        <r.icon size={16} color="#fff" />
                      </View>
                      <Text className="menu-list__name">{r.title}</Text>
                    </View>
                  }
                  extra={
                    <View className="menu-list__extra">
                      {r.badge ? (
                        <Text className="menu-list__badge">{r.badge > 99 ? '99+' : r.badge}</Text>
                      ) : null}
                      {r.value ? <Text className="menu-list__value">{r.value}</Text> : null}
                      {r.onClick ? <ArrowRight size={12} color="#b8bcc4" /> : null}
                    </View>
                  }
                />
              ))}
            </CellGroup>
          </View>
        ))}
    </View>
  );
}
