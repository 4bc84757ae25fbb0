import { CallTaskPurpose, TicketStatus } from '@linli/contracts';
import { callTaskEnding } from './call-task-rules';

const S = TicketStatus;
const accept = { purpose: CallTaskPurpose.AcceptTicket, calleeId: 'a1' };
const tell = { purpose: CallTaskPurpose.TellResident, calleeId: 'r1' };

describe('phone tasks end by themselves when what they asked for has happened', () => {
  it.each([
    // Asking the assistant to accept an emergency.
    [accept, S.Assigned, 'a1', null],
    [accept, S.Submitted, 'a1', null],
    [accept, S.Assigned, 'a2', '工单已改派他人，无需再拨打'],
    [accept, S.Accepted, 'a1', '工单已受理，无需再拨打'],
    [accept, S.OnSite, 'a1', '工单已受理，无需再拨打'],
    [accept, S.Resolved, 'a1', '工单已受理，无需再拨打'],
    [accept, S.Cancelled, 'a1', '工单已取消，无需再拨打'],
    [accept, S.Closed, 'a1', '工单已完成，无需再拨打'],
    // Telling the resident of progress: needed until the ticket is finished.
    [tell, S.Accepted, 'a1', null],
    [tell, S.Resolved, 'a1', null],
    [tell, S.OnHold, 'a2', null],
    [tell, S.Closed, 'a1', '工单已完成，无需再拨打'],
    [tell, S.Cancelled, 'a1', '工单已取消，无需再拨打'],
  ] as const)('%o on a ticket %s assigned to %s → %s', (task, status, assigneeId, ending) => {
    expect(callTaskEnding(task, { status, assigneeId })).toBe(ending);
  });

  it('every status is decided for both purposes (nothing throws, finished tickets end every task)', () => {
    for (const status of Object.values(S)) {
      for (const task of [accept, tell]) {
        const ending = callTaskEnding(task, { status, assigneeId: 'a1' });
        if (status === S.Closed || status === S.Cancelled) expect(ending).not.toBeNull();
      }
    }
  });
});
