import { TicketKind } from '@linli/contracts';
import { ticketCode } from './ticket-code';

describe('ticketCode', () => {
  it('uses the China-time date, not the UTC date', () => {
    // 2026-11-22 23:30 UTC is already 2026-11-23 07:30 in China.
    expect(ticketCode(TicketKind.RepairHome, new Date('2026-11-22T23:30:00Z'), 7)).toBe(
      'BX20261123-0007',
    );
    expect(ticketCode(TicketKind.Complaint, new Date('2026-11-22T15:59:59Z'), 12)).toBe(
      'TS20261122-0012',
    );
  });

  it.each([0, -1, 1.5])('refuses sequence %s', (seq) => {
    expect(() => ticketCode(TicketKind.Inquiry, new Date('2026-01-01T00:00:00Z'), seq)).toThrow(
      RangeError,
    );
  });
});
