import { Text, View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import type { TicketSummaryDto } from '@linli/contracts';
import { TicketCard } from './ticket-card';

interface Props {
  tickets: TicketSummaryDto[] | null;
  emptyText: string;
  showRoom?: boolean;
}

/** A list of ticket cards; nothing while loading, an explicit empty state once loaded. */
export function TicketList({ tickets, emptyText, showRoom }: Props) {
  if (tickets === null) return null;
  // Empty's default picture is fetched from a CDN; a drawn mark works offline and on the intranet.
  if (tickets.length === 0) return <Empty description={emptyText} image={<Text className='empty-mark'>无</Text>} />;
  return (
    <View>
      {tickets.map((t) => (
        <TicketCard key={t.id} ticket={t} showRoom={showRoom} />
      ))}
    </View>
  );
}
