import { Text, View } from '@tarojs/components';
import './star-row.scss';

interface StarRowProps {
  label: string;
  value: number;
  /** Absent: read-only. */
  onChange?: (value: number) => void;
}

/** 1–5 stars with a label; tap a star to choose (or read only). */
export function StarRow({ label, value, onChange }: StarRowProps) {
  return (
    <View className="star-row">
      <Text className="star-row__label">{label}</Text>
      <View className="star-row__stars" aria-label={`${label} ${value} 星`}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            className={`star-row__star${n <= value ? ' star-row__star--on' : ''}`}
            onClick={onChange ? () => onChange(n) : undefined}
          >
            ★
          </Text>
        ))}
      </View>
    </View>
  );
}
