import { TicketAction as A } from '@linli/contracts';
import { splitActions } from './ticket-next-step';

describe('the next step is the one primary action (issue 9 item 10)', () => {
  it.each([
    // An assistant after accepting: 到场 before 处理完成, the rest behind 更多.
    [
      [A.Transfer, A.Arrive, A.Hold, A.Resolve, A.Forward],
      A.Arrive,
      [A.Transfer, A.Hold, A.Resolve, A.Forward],
    ],
    [[A.Accept, A.Transfer], A.Accept, [A.Transfer]],
    // A resident with a resolved ticket confirms; sending it back is secondary.
    [[A.Confirm, A.Reopen], A.Confirm, [A.Reopen]],
    // A resident's open ticket: 催办 when offered, and withdrawing is never the call to action.
    [[A.Cancel, A.Chase], A.Chase, [A.Cancel]],
    [[A.Cancel], null, [A.Cancel]],
    // A supervisor on a ticket in hand urges before reassigning.
    [[A.Assign, A.Hold, A.Forward, A.Urge], A.Urge, [A.Assign, A.Hold, A.Forward]],
    [[A.Assign, A.Cancel], A.Assign, [A.Cancel]],
    [[], null, []],
  ])('%j → %s', (actions, primary, rest) => {
    expect(splitActions(actions)).toEqual({ primary, rest });
  });
});
