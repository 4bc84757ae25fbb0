import { Text } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { TicketSlaDto } from '@linli/contracts';
import { countdown } from '../services/tickets/countdown';
import './sla-badge.scss';

const TICK_MS = 30_000;

/** A ticket's live countdown: green while on time, amber from the warning point, red once late, grey when paused. */
export function SlaBadge({ sla }: { sla: TicketSlaDto }) {
  const receivedAt = useMemo(() => Date.now(), [sla]);
  const [now, setNow] = useState(receivedAt);
  useEffect(() => {
    setNow(Date.now());
    if (sla.state === 'paused') return undefined;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [sla]);
  const view = countdown(sla, Math.max(0, now - receivedAt));
  return <Text className={`sla-badge sla-badge--${view.tone}`}>{view.text}</Text>;
}
