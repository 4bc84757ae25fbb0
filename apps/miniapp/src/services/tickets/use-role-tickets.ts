import { useState } from 'react';
import {
  CommunityTicketCountsDto,
  CommunityTicketFilter,
  Page,
  QueueCountsDto,
  Role,
  TicketSummaryDto,
  UserProfileDto,
} from '@linli/contracts';
import { api } from '../api/api';
import { usePagedList } from '../lists/use-paged-list';

const whole = (items: TicketSummaryDto[]): Page<TicketSummaryDto> => ({ items, nextCursor: null });

/**
 * Who sees which list: a resident their household's tickets, an assistant their queue (nearest deadline
 * first; its first page brings the counts of the whole queue, handed to `onCounts`), a supervisor (or
 * admin) their community's tickets under `filter` (every filter is paged; the open ones' first page brings
 * the counts of the whole list, handed to `onCommunityCounts`).
 */
function loaderFor(
  user: UserProfileDto,
  filter: CommunityTicketFilter,
  onCounts: (counts: QueueCountsDto) => void,
  onCommunityCounts: (counts: CommunityTicketCountsDto | null) => void,
): (cursor: string | null) => Promise<Page<TicketSummaryDto>> {
  switch (user.role) {
    case Role.Resident:
      return (cursor) => api.myTickets(cursor);
    case Role.Assistant:
      return async (cursor) => {
        const page = await api.myQueue(cursor);
        if (cursor === null) onCounts(page.counts);
        return page;
      };
    case Role.Guard:
      return async () => whole([]); // the gate guard has no tickets

    default:
      return async (cursor) => {
        const page = await api.communityTickets(filter, cursor);
        if (cursor === null) onCommunityCounts(page.counts ?? null);
        return page;
      };
  }
}

/**
 * The signed-in user's ticket list: reloaded whenever the page shows, on pull-down and for a new filter;
 * the next page when the user scrolls to the bottom (unless `scrollLoads` is false, as on 首页).
 * `queueCounts`: an assistant's 待受理 / 处理中 / 已超时 over their whole queue (null until the first
 * page arrives, and for other roles), as the list itself may be longer than what is loaded.
 * `communityCounts`: likewise a supervisor's (or admin's) 处理中 / 即将超时 / 已超时 / 未派单 over their
 * whole open list (null until the first page arrives, for the history filters and for other roles).
 */
export function useRoleTickets(
  user: UserProfileDto | null,
  filter: CommunityTicketFilter = CommunityTicketFilter.Open,
  options: { scrollLoads?: boolean } = {},
) {
  const [queueCounts, setQueueCounts] = useState<QueueCountsDto | null>(null);
  const [communityCounts, setCommunityCounts] = useState<CommunityTicketCountsDto | null>(null);
  const list = usePagedList<TicketSummaryDto>(
    (cursor) =>
      user
        ? loaderFor(user, filter, setQueueCounts, setCommunityCounts)(cursor)
        : Promise.resolve(whole([])),
    (t) => t.id,
    [user, filter],
    {
      enabled: user !== null,
      scrollLoads: options.scrollLoads,
    },
  );
  return { tickets: list.items, list, queueCounts, communityCounts };
}
