import { Text, View } from '@tarojs/components';
import './charts.scss';

export interface BarDatum {
  label: string;
  value: number;
  /** Shown at the end of the bar; the value when absent. */
  caption?: string;
  /** Drawn in the warning colour (e.g. a theme below target). */
  warn?: boolean;
}

/**
 * A horizontal bar chart drawn with plain views: no canvas, so it renders the same in the weapp and H5
 * builds, costs no library bytes, and stays readable on a slow phone. `max` fixes the scale (100 for
 * percentages); `target` draws a marker line.
 */
export function BarChart({
  data,
  max,
  target,
}: {
  data: BarDatum[];
  max?: number;
  target?: number;
}) {
  const top = max ?? Math.max(1, ...data.map((d) => d.value));
  return (
    <View className="chart">
      {data.map((d) => (
        <View key={d.label} className="chart__row">
          <Text className="chart__label">{d.label}</Text>
          <View className="chart__track">
            <View
              className={`chart__bar${d.warn ? ' chart__bar--warn' : ''}`}
              style={{ width: `${Math.max(0, Math.min(100, (d.value * 100) / top))}%` }}
            />
            {target !== undefined ? (
              <View className="chart__target" style={{ left: `${(target * 100) / top}%` }} />
            ) : null}
          </View>
          <Text className="chart__value">{d.caption ?? String(d.value)}</Text>
        </View>
      ))}
    </View>
  );
}
