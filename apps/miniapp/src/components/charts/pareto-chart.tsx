import { Text, View } from '@tarojs/components';
import './charts.scss';

/**
 * A Pareto chart: reasons as columns, most frequent first, with the cumulative share as a dot above
 * each column (the "vital few" are those up to about 80%). Plain views, like BarChart.
 */
export function ParetoChart({
  data,
}: {
  data: { tag: string; n: number; cumulativePercent: number }[];
}) {
  const top = Math.max(1, ...data.map((d) => d.n));
  return (
    <View className="pareto">
      <View className="pareto__plot">
        {data.map((d) => (
          <View key={d.tag} className="pareto__col">
            <View className="pareto__dot" style={{ bottom: `${d.cumulativePercent}%` }}>
              <Text className="pareto__dot-label">{`${d.cumulativePercent}%`}</Text>
            </View>
            <View
              className={`pareto__bar${d.cumulativePercent <= 80 ? ' pareto__bar--vital' : ''}`}
              style={{ height: `${(d.n * 100) / top}%` }}
            >
              <Text className="pareto__n">{d.n}</Text>
            </View>
          </View>
        ))}
      </View>
      <View className="pareto__labels">
        {data.map((d) => (
          <Text key={d.tag} className="pareto__label">
            {d.tag}
          </Text>
        ))}
      </View>
    </View>
  );
}
