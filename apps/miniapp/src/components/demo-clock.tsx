import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { ClockDto } from '@linli/contracts';
import { api } from '../services/api/api';
import { formatTime } from '../services/app/format';
import { attempt } from '../services/request/result';
import './demo-clock.scss';

const STEPS = [
  { label: '+1 小时', minutes: 60 },
  { label: '+4 小时', minutes: 240 },
  { label: '+1 天', minutes: 24 * 60 },
];

/**
 * Demo mode only: the server's business clock, which every time limit reads. Moving it forward shows a
 * limit expiring without waiting for it. The server refuses this in production.
 */
export function DemoClock() {
  const [clock, setClock] = useState<ClockDto | null>(null);
  useEffect(() => {
    void attempt(async () => setClock(await api.testClock()));
  }, []);
  const advance = async (minutes: number) => {
    await attempt(async () => {
      setClock(await api.setTestClock({ advanceMinutes: minutes }));
    });
  };
  if (!clock) return null;
  return (
    <View className="card demo-clock">
      <Text className="demo-clock__title">演示时钟</Text>
      <Text className="muted">系统时间 {formatTime(clock.now)}（时限按此时间计算）</Text>
      <View className="demo-clock__steps">
        {STEPS.map((s) => (
          <Button key={s.minutes} size="small" onClick={() => void advance(s.minutes)}>
            {s.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
