import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { COMMUNITY_TICKET_FILTER_LABELS, CommunityTicketFilter, Role } from '@linli/contracts';
import { LoadMore } from '../../components/load-more';
import { TicketList } from '../../components/ticket-list';
import { REPORT_PAGE } from '../../services/app/routes';
import { useRoleTickets } from '../../services/tickets/use-role-tickets';
import { useRequiredUser } from '../../services/session/use-session';
import { useUnread } from '../../services/app/use-unread';

const FILTERS = [
  CommunityTicketFilter.Open,
  CommunityTicketFilter.AtRisk,
  CommunityTicketFilter.Done,
  CommunityTicketFilter.All,
];

/**
 * Residents: the household's tickets. Assistants: their queue (their buildings, nearest deadline first).
 * Supervisors: the community's tickets: open, at risk (warning, late or escalated), finished, all.
 * Every list loads a page at a time as it is scrolled to its end: the histories (the resident's, finished,
 * all) newest first, the assistant's queue and the supervisor's open lists nearest deadline first.
 */
export default function TicketsPage() {
  const user = useRequiredUser();
  useUnread(user !== null && user.role !== Role.Guard);
  const [filter, setFilter] = useState(CommunityTicketFilter.Open);
  const { tickets, list } = useRoleTickets(user, filter);
  if (!user) return <View className="page" />;
  if (user.role === Role.Guard) {
    return (
      <View className="page">
        <View className="card muted">门岗不处理工单。核验放行条请回到首页。</View>
      </View>
    );
  }
  const resident = user.role === Role.Resident;
  const staff = user.role === Role.Supervisor || user.role === Role.Admin;
  const title = resident ? '全部报事' : staff ? '小区工单' : '我的工单队列';
  return (
    <View className="page">
      <View className="section-title">{title}</View>
      {staff ? (
        <View className="chips">
          {[...FILTERS, ...(user.department ? [CommunityTicketFilter.Department] : [])].map((f) => (
            <View
              key={f}
              className={`chip${f === filter ? ' chip--active' : ''}`}
              onClick={() => setFilter(f)}
            >
              {COMMUNITY_TICKET_FILTER_LABELS[f]}
            </View>
          ))}
        </View>
      ) : null}
      <TicketList
        tickets={tickets}
        emptyText={resident ? '还没有报事记录' : '暂无工单'}
        showRoom={!resident}
      />
      {tickets !== null ? (
        <LoadMore
          status={list.status}
          count={tickets.length}
          hasMore={list.hasMore}
          onMore={() => void list.loadMore()}
        />
      ) : null}
      {resident ? (
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: REPORT_PAGE })}>
          我要报事
        </Button>
      ) : null}
    </View>
  );
}
