import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** One chip: a tappable label, highlighted when active. */
export function Chip({
  active,
  onClick,
  children,
}: PropsWithChildren<{ active: boolean; onClick: () => void }>) {
  return (
    <View className={`chip${active ? ' chip--active' : ''}`} onClick={onClick}>
      {children}
    </View>
  );
}

/** A row of chips of which one is chosen (a kind, a role, a department): tapping one chooses it. */
export function ChipChoice<T extends string>({
  options,
  value,
  label,
  onChange,
  className,
}: {
  options: readonly T[];
  value: T | null;
  label: (option: T) => string;
  onChange: (option: T) => void;
  className?: string;
}) {
  return (
    <View className={className ? `chips ${className}` : 'chips'}>
      {options.map((o) => (
        <Chip key={o} active={o === value} onClick={() => onChange(o)}>
          {label(o)}
        </Chip>
      ))}
    </View>
  );
}

/** The list with `id` added, or without it if it was there: what tapping a chip of a many-choice row does. */
export const toggled = <T,>(ids: readonly T[], id: T): T[] =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];

/** A row of chips of which any number are chosen, e.g. the buildings a notice goes to (none: all). */
export function ChipSet({
  items,
  chosen,
  onChange,
}: {
  items: readonly { id: string; name: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <View className="chips">
      {items.map((b) => (
        <Chip
          key={b.id}
          active={chosen.includes(b.id)}
          onClick={() => onChange(toggled(chosen, b.id))}
        >
          {b.name}
        </Chip>
      ))}
    </View>
  );
}
