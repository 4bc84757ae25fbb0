import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CommunityTicketFilter, Role, TicketSummaryDto, UserProfileDto } from '@linli/contracts';
import { api } from './api';
import { showError } from './http';

/**
 * Who sees which list: a resident their household's tickets, an assistant their queue, a supervisor
 * (or admin) their community's tickets under `filter`.
 */
function loaderFor(user: UserProfileDto, filter: CommunityTicketFilter): () => Promise<TicketSummaryDto[]> {
  switch (user.role) {
    case Role.Resident:
      return api.myTickets;
    case Role.Assistant:
      return api.myQueue;
    case Role.Guard:
      return async () => []; // the gate guard has no tickets

    default:
      return () => api.communityTickets(filter);
  }
}

/** The signed-in user's ticket list, reloaded whenever the page shows and on pull-down. */
export function useRoleTickets(
  user: UserProfileDto | null,
  filter: CommunityTicketFilter = CommunityTicketFilter.Open,
): { tickets: TicketSummaryDto[] | null; reload: () => Promise<void> } {
  const [tickets, setTickets] = useState<TicketSummaryDto[] | null>(null);
  const reload = useCallback(async () => {
    if (!user) return;
    try {
      setTickets(await loaderFor(user, filter)());
    } catch (err) {
      showError(err);
    }
  }, [user, filter]);
  // Shown pages reload (coming back from a ticket must show its new status); a new filter reloads too.
  useDidShow(() => void reload());
  const firstFilter = useRef(true);
  useEffect(() => {
    if (firstFilter.current) {
      firstFilter.current = false;
      return;
    }
    void reload();
  }, [filter]);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return { tickets, reload };
}
