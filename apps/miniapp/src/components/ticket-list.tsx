import { View } from '@tarojs/components';
import type { TicketSummaryDto } from '@linli/contracts';
import { EmptyState } from './empty-state';
import { TicketCard } from './ticket-card';

interface Props {
  tickets: TicketSummaryDto[] | null;
  emptyText: string;
  showRoom?: boolean;
}

/** A list of ticket cards; nothing while loading, an explicit empty state once loaded. */
export function TicketList({ tickets, emptyText, showRoom }: Props) {
  if (tickets === null) return null;
  if (tickets.length === 0) return <EmptyState text={emptyText} />;
  return (
    <View>
      {tickets.map((t) => (
        <TicketCard key={t.id} ticket={t} showRoom={showRoom} />
      ))}
    </View>
  );
}
