import Taro from '@tarojs/taro';
import type { TicketDetailDto } from '@linli/contracts';
import { api } from '../../services/api/api';
import { useAction } from '../../services/request/use-action';

/**
 * A step a ticket card takes (ask for an extension, escalate, …): one at a time, and once it went
 * through the card's form is cleared (`reset`), `done` is said, and the page gets the ticket as it is now.
 * A failure is shown as a toast and leaves the form as it was.
 */
export function useTicketStep(
  ticketId: string,
  onChanged: (t: TicketDetailDto) => void,
  reset: () => void,
) {
  const step = useAction(
    async (work: () => Promise<unknown>, done: string) => {
      await work();
      return done;
    },
    {
      then: async (done) => {
        reset();
        void Taro.showToast({ title: done, icon: 'none' });
        onChanged(await api.ticket(ticketId));
      },
    },
  );
  return {
    run: (work: () => Promise<unknown>, done: string) => void step.run(work, done),
    busy: step.running,
  };
}
