import { TICKET_STATUS_LABELS, TicketStatus } from '@linli/contracts';
import { formatChinaDateTime } from '@linli/domain';

/** "2026-11-22 14:05" in China time, whatever the phone's time zone. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? formatChinaDateTime(new Date(iso)) : '';
}

export function statusLabel(status: TicketStatus): string {
  return TICKET_STATUS_LABELS[status];
}

type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

/** The colour a status is shown in: waiting on us is warm, done is green, cancelled grey. */
export function statusTagType(status: TicketStatus): TagType {
  switch (status) {
    case TicketStatus.Submitted:
    case TicketStatus.Assigned:
      return 'warning';
    case TicketStatus.Accepted:
    case TicketStatus.OnSite:
      return 'primary';
    case TicketStatus.OnHold:
      return 'default';
    case TicketStatus.Resolved:
      return 'info';
    case TicketStatus.Closed:
      return 'success';
    default:
      return 'default';
  }
}

/** Who a late ticket has gone up to. */
export const ESCALATION_LABELS: Record<number, string> = { 1: '已升级至主任', 2: '已升级至公司经理' };
