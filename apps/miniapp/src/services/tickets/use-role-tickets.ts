import {
  CommunityTicketFilter,
  Page,
  Role,
  TicketSummaryDto,
  UserProfileDto,
} from '@linli/contracts';
import { api } from '../api/api';
import { usePagedList } from '../lists/use-paged-list';

const whole = (items: TicketSummaryDto[]): Page<TicketSummaryDto> => ({ items, nextCursor: null });

/**
 * Who sees which list: a resident their household's tickets (paged), an assistant their queue (one list),
 * a supervisor (or admin) their community's tickets under `filter` (finished and all are paged).
 */
function loaderFor(
  user: UserProfileDto,
  filter: CommunityTicketFilter,
): (cursor: string | null) => Promise<Page<TicketSummaryDto>> {
  switch (user.role) {
    case Role.Resident:
      return (cursor) => api.myTickets(cursor);
    case Role.Assistant:
      return () => api.myQueue().then(whole);
    case Role.Guard:
      return async () => whole([]); // the gate guard has no tickets

    default:
      return (cursor) => api.communityTickets(filter, cursor);
  }
}

/**
 * The signed-in user's ticket list: reloaded whenever the page shows, on pull-down and for a new filter;
 * the next page when the user scrolls to the bottom (unless `scrollLoads` is false, as on 首页).
 */
export function useRoleTickets(
  user: UserProfileDto | null,
  filter: CommunityTicketFilter = CommunityTicketFilter.Open,
  options: { scrollLoads?: boolean } = {},
) {
  const list = usePagedList<TicketSummaryDto>(
    (cursor) => (user ? loaderFor(user, filter)(cursor) : Promise.resolve(whole([]))),
    (t) => t.id,
    [user, filter],
    {
      enabled: user !== null,
      scrollLoads: options.scrollLoads,
    },
  );
  return { tickets: list.items, list };
}
