import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { TicketSummaryDto } from '@linli/contracts';
import { ESCALATION_LABELS, formatTime, statusLabel, statusTagType } from '../services/app/format';
import { SlaBadge } from './sla-badge';
import { ticketDetailPage } from '../services/app/routes';
import './ticket-card.scss';

interface Props {
  ticket: TicketSummaryDto;
  /** Staff see whose room it is; residents know. */
  showRoom?: boolean;
}

export function TicketCard({ ticket, showRoom = false }: Props) {
  return (
    <View
      className="ticket-card"
      onClick={() => void Taro.navigateTo({ url: ticketDetailPage(ticket.id) })}
    >
      <View className="ticket-card__head">
        <Text className="ticket-card__category">
          {ticket.emergency ? '【紧急】' : ''}
          {ticket.categoryName}
        </Text>
        <Tag type={statusTagType(ticket.status)}>{statusLabel(ticket.status)}</Tag>
      </View>
      <Text className="ticket-card__description">{ticket.description}</Text>
      {ticket.sla || ticket.escalationLevel > 0 ? (
        <View className="ticket-card__sla">
          {ticket.sla ? <SlaBadge sla={ticket.sla} /> : null}
          {ticket.escalationLevel > 0 ? (
            <Text className="ticket-card__escalated">
              {ESCALATION_LABELS[ticket.escalationLevel] ?? '已升级'}
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className="ticket-card__foot">
        <Text className="muted">{ticket.code}</Text>
        {showRoom ? <Text className="muted">{ticket.roomLabel}</Text> : null}
        <Text className="muted">{formatTime(ticket.createdAt)}</Text>
      </View>
    </View>
  );
}
