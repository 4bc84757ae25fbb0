import { Text, View } from '@tarojs/components';
import { TICKET_ACTION_LABELS, TicketDetailDto } from '@linli/contracts';
import { formatTime, statusLabel } from '../../services/app/format';
import { TicketPhotos } from './ticket-photos';
import './ticket-detail.scss';

/** 处理进度: newest first, each entry with the photos that came with it (the resolve's 处理结果). */
export function TicketTimeline({ ticket }: { ticket: TicketDetailDto }) {
  const submitId = ticket.events[0]?.id;
  return (
    <View className="ticket-section">
      <Text className="section-title">处理进度</Text>
      <View className="card ticket-timeline">
        {[...ticket.events].reverse().map((e) => {
          // The report's photos are shown at the top as 报事照片; every other entry keeps its own here.
          const photos = e.id === submitId ? [] : ticket.photos.filter((p) => p.eventId === e.id);
          return (
            <View key={e.id} className="ticket-timeline__event">
              <Text className="ticket-timeline__title">
                {TICKET_ACTION_LABELS[e.action]} · {statusLabel(e.toStatus)}
              </Text>
              <Text className="muted">
                {e.actorName} · {formatTime(e.at)}
              </Text>
              {e.note ? <Text className="ticket-timeline__note">{e.note}</Text> : null}
              <TicketPhotos photos={photos} caption={photos.length > 0 ? '处理结果' : undefined} />
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** The photos the resident sent with the report (or, for tickets older than event links, those of no entry). */
export function reportPhotos(ticket: TicketDetailDto) {
  const submitId = ticket.events[0]?.id;
  return ticket.photos.filter((p) => p.eventId === null || p.eventId === submitId);
}
