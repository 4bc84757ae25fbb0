import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { Role, TicketSummaryDto, UserProfileDto } from '@linli/contracts';
import { api } from './api';
import { showError } from './http';

/** Who sees which list: a resident their household's tickets, an assistant their queue. */
function loaderFor(user: UserProfileDto): (() => Promise<TicketSummaryDto[]>) | null {
  switch (user.role) {
    case Role.Resident:
      return api.myTickets;
    case Role.Assistant:
      return api.myQueue;
    default:
      return null;
  }
}

/** The signed-in user's ticket list, reloaded whenever the page shows and on pull-down. */
export function useRoleTickets(user: UserProfileDto | null): { tickets: TicketSummaryDto[] | null; reload: () => Promise<void> } {
  const [tickets, setTickets] = useState<TicketSummaryDto[] | null>(null);
  const reload = useCallback(async () => {
    const load = user ? loaderFor(user) : null;
    if (!load) return;
    try {
      setTickets(await load());
    } catch (err) {
      showError(err);
    }
  }, [user]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return { tickets, reload };
}
