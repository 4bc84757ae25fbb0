import { Text, View } from '@tarojs/components';
import { CountRowDto } from '@linli/contracts';

/**
 * The dashboard's charts, drawn with plain views so they render the same in the weapp and H5 builds and
 * add nothing to the main package: horizontal bars for shares of a total, a Pareto list with the
 * cumulative share, and month columns for trends.
 */

export function BarList({
  rows,
  limit = 8,
  empty = '本月暂无',
}: {
  rows: CountRowDto[];
  limit?: number;
  empty?: string;
}) {
  if (rows.length === 0) return <Text className="muted">{empty}</Text>;
  const max = Math.max(...rows.map((r) => r.count));
  return (
    <View className="bars">
      {rows.slice(0, limit).map((r) => (
        <View key={r.key} className="bars__row">
          <Text className="bars__label">{r.label}</Text>
          <View className="bars__track">
            <View
              className="bars__fill"
              style={{ width: `${Math.max(4, (r.count / max) * 100)}%` }}
            />
          </View>
          <Text className="bars__value">{r.count}</Text>
        </View>
      ))}
    </View>
  );
}

/** Categories most first, each with the running share of the total: the few that make most of the complaints. */
export function Pareto({ rows }: { rows: CountRowDto[] }) {
  if (rows.length === 0) return <Text className="muted">本月没有投诉</Text>;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const max = rows[0].count;
  let running = 0;
  return (
    <View className="bars">
      {rows.map((r) => {
        // The "vital few": every category until the running share reaches 80%, the one that crosses it included.
        const vital = running / total < 0.8;
        running += r.count;
        const cumulative = Math.round((running / total) * 100);
        return (
          <View key={r.key} className="bars__row">
            <Text className="bars__label">{r.label}</Text>
            <View className="bars__track">
              <View
                className={`bars__fill ${vital ? 'bars__fill--vital' : ''}`}
                style={{ width: `${Math.max(4, (r.count / max) * 100)}%` }}
              />
            </View>
            <Text className="bars__value">{`${r.count} · 累计${cumulative}%`}</Text>
          </View>
        );
      })}
      <Text className="muted">深色为合计约占 80% 的主要类别</Text>
    </View>
  );
}

export interface ColumnPoint {
  key: string;
  label: string;
  /** Bar height as a share of the tallest (0–1), or null for no data. */
  value: number | null;
  text: string;
  /** Below target: drawn in the warning colour. */
  warn?: boolean;
}

export function Columns({ points }: { points: ColumnPoint[] }) {
  const max = Math.max(0.0001, ...points.map((p) => p.value ?? 0));
  return (
    <View className="columns">
      {points.map((p) => (
        <View key={p.key} className="columns__col">
          <Text className="columns__text">{p.text}</Text>
          <View className="columns__track">
            {p.value === null ? null : (
              <View
                className={`columns__fill ${p.warn ? 'columns__fill--warn' : ''}`}
                style={{ height: `${Math.max(3, (p.value / max) * 100)}%` }}
              />
            )}
          </View>
          <Text className="columns__label">{p.label}</Text>
        </View>
      ))}
    </View>
  );
}
