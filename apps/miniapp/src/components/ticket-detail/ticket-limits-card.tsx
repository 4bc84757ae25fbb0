import { Text, View } from '@tarojs/components';
import { SLA_STATE_LABELS, TicketDetailDto, TicketMilestoneDto } from '@linli/contracts';
import { formatDeadline, MILESTONE_WORDS, residentPromise } from '@linli/domain';
import { SlaBadge } from '../sla-badge';
import { formatTime } from '../../services/app/format';
import './ticket-detail.scss';

const STATE_TEXT: Record<TicketMilestoneDto['state'], string> = {
  met: '已完成',
  ...SLA_STATE_LABELS,
};

/**
 * 服务时限. A resident gets one promise ("维修人员将于今天 15:52 前上门") and whether it is kept;
 * staff get every milestone in the order they fall due, in the same words, with the live countdown.
 */
export function TicketLimitsCard({
  ticket,
  forResident,
}: {
  ticket: TicketDetailDto;
  forResident: boolean;
}) {
  if (forResident) {
    const sla = ticket.sla;
    // The server's "now": the deadline minus what it said was left (the demo clock may differ from the phone's).
    const now =
      sla?.dueAt && sla.remainingMs !== null
        ? new Date(Date.parse(sla.dueAt) - sla.remainingMs)
        : new Date();
    const promise = residentPromise(
      sla
        ? {
            milestone: sla.milestone,
            dueAt: sla.dueAt ? new Date(sla.dueAt) : null,
            state: sla.state,
            kind: ticket.kind,
          }
        : null,
      now,
    );
    if (!promise) return null;
    return (
      <View className={`card ticket-promise ticket-promise--${promise.tone}`}>
        <Text className="ticket-promise__text">{promise.text}</Text>
        <Text className="ticket-promise__status">{promise.status}</Text>
      </View>
    );
  }
  if (ticket.milestones.length === 0) return null;
  const due = (m: TicketMilestoneDto) =>
    Date.parse(m.metAt ?? m.dueAt ?? '') || Number.POSITIVE_INFINITY;
  const rows = [...ticket.milestones].sort((a, b) => due(a) - due(b));
  return (
    <View className="card ticket-limits">
      <View className="ticket-limits__head">
        <Text className="ticket-limits__title">服务时限</Text>
        {ticket.sla ? <SlaBadge sla={ticket.sla} /> : null}
      </View>
      {rows.map((m) => (
        <View key={m.milestone} className={`ticket-limits__row ticket-limits__row--${m.state}`}>
          <Text className="ticket-limits__name">{MILESTONE_WORDS[m.milestone]}</Text>
          <Text className="ticket-limits__when">
            {m.state === 'met'
              ? `${formatTime(m.metAt)} 完成`
              : m.dueAt
                ? `${formatDeadline(new Date(m.dueAt))} 前 · ${STATE_TEXT[m.state]}`
                : STATE_TEXT[m.state]}
          </Text>
        </View>
      ))}
    </View>
  );
}
