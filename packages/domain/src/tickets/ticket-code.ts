/**
 * Human-readable ticket number shown to residents and read back on the phone:
 * BX (报修) / TS (投诉) / ZX (咨询) … + China-time date + a sequence, e.g. BX20261122-0007.
 */
import { TicketKind } from '@linli/contracts';
import { chinaDateKey } from '../time/china-time';

const PREFIX: Record<TicketKind, string> = {
  [TicketKind.RepairHome]: 'BX',
  [TicketKind.RepairCommon]: 'GX',
  [TicketKind.Complaint]: 'TS',
  [TicketKind.Inquiry]: 'ZX',
  [TicketKind.Suggestion]: 'JY',
  [TicketKind.Praise]: 'BY',
};

export function ticketCode(kind: TicketKind, createdAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  return `${PREFIX[kind]}${chinaDateKey(createdAt).replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`;
}
