import { TICKET_STATUS_LABELS, TicketStatus } from '@linli/contracts';
// Not the package root: that would bring the whole domain and its holiday calendar into the main package.
import { CHINA_OFFSET_MS, formatChinaDateTime } from '@linli/domain/china-time';

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
    case TicketStatus.Forwarded:
      return 'default';
    case TicketStatus.Invalid:
      return 'danger';
    case TicketStatus.Resolved:
      return 'info';
    case TicketStatus.Closed:
      return 'success';
    default:
      return 'default';
  }
}

/** Who a late ticket has gone up to. */
export const ESCALATION_LABELS: Record<number, string> = {
  1: '已升级至主任',
  2: '已升级至公司经理',
};

/** 'YYYY-MM-DD HH:mm' in China time → ISO instant, or null when it is not such a time. */
export function chinaInputToIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi));
  // No rolling over: 2026-02-30 or 25:00 is a typing mistake, not a date in March or tomorrow.
  if (
    local.getUTCFullYear() !== y ||
    local.getUTCMonth() !== mo - 1 ||
    local.getUTCDate() !== d ||
    local.getUTCHours() !== h ||
    mi > 59
  )
    return null;
  return new Date(local.getTime() - CHINA_OFFSET_MS).toISOString();
}
