import { TicketStatus, TicketSummaryDto } from '@linli/contracts';
import { residentPriorities, staffPriorities } from './home-priorities';

const t = (id: string, over: Partial<TicketSummaryDto> = {}): TicketSummaryDto =>
  ({
    id,
    status: TicketStatus.Accepted,
    emergency: false,
    escalationLevel: 0,
    sla: null,
    ...over,
  }) as TicketSummaryDto;

describe("the resident's home, most pressing first", () => {
  it('puts tickets to confirm first, then running emergencies, then the latest others, each once', () => {
    const list = [
      t('bulb'),
      t('fixed', { status: TicketStatus.Resolved }),
      t('leak', { emergency: true }),
      t('old-leak', { emergency: true, status: TicketStatus.Closed }),
      t('fixed-leak', { emergency: true, status: TicketStatus.Resolved }),
      t('lock'),
      t('noise'),
    ];
    const p = residentPriorities(list);
    expect(p.toConfirm.map((x) => x.id)).toEqual(['fixed', 'fixed-leak']);
    expect(p.emergencies.map((x) => x.id)).toEqual(['leak']);
    expect(p.others.map((x) => x.id)).toEqual(['bulb', 'old-leak', 'lock']);
  });
});

describe("the supervisor's home list", () => {
  it('escalated before late before close to the limit before the rest, keeping the order within each', () => {
    const list = [
      t('calm1'),
      t('warn', { sla: { state: 'warning' } as TicketSummaryDto['sla'] }),
      t('late', { sla: { state: 'breached' } as TicketSummaryDto['sla'] }),
      t('calm2'),
      t('escalated', { escalationLevel: 1 }),
    ];
    expect(staffPriorities(list).map((x) => x.id)).toEqual([
      'escalated',
      'late',
      'warn',
      'calm1',
      'calm2',
    ]);
  });
});
