import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, Role, TicketStatus, TicketSummaryDto, UserProfileDto } from '@linli/contracts';
import { TicketList } from '../../components/ticket-list';
import { JOIN_HOUSEHOLD_PAGE, REPORT_PAGE, TICKETS_PAGE } from '../../services/routes';
import { useRoleTickets } from '../../services/use-role-tickets';
import { useRequiredUser } from '../../services/use-session';
import { useUnread } from '../../services/use-unread';
import './index.scss';

const RECENT = 3;

/** Late: a limit has run out, or the ticket was escalated for it. */
const isLate = (t: TicketSummaryDto) => t.sla?.state === 'breached' || t.escalationLevel > 0;

export default function HomePage() {
  const user = useRequiredUser();
  useUnread(user !== null);
  const { tickets } = useRoleTickets(user);
  if (!user) return <View className='page' />;
  return (
    <View className='page home'>
      <Greeting user={user} />
      {user.role === Role.Resident && !user.household ? (
        <View className='card home__unbound'>
          <Text>您还没有绑定房屋。请向业主或物业服务中心索取邀请码。</Text>
          <Button type='primary' block onClick={() => void Taro.navigateTo({ url: JOIN_HOUSEHOLD_PAGE })}>
            绑定房屋
          </Button>
        </View>
      ) : null}
      {user.role === Role.Resident && user.household ? (
        <>
          <View className='home__actions'>
            <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: REPORT_PAGE })}>
              我要报事
            </Button>
            <Text className='muted home__hint'>报修、投诉、咨询，都可以在这里提交</Text>
          </View>
          <SectionHead title='最近报事' onMore={() => void Taro.switchTab({ url: TICKETS_PAGE })} />
          <TicketList tickets={tickets && tickets.slice(0, RECENT)} emptyText='还没有报事记录' />
        </>
      ) : null}
      {user.role === Role.Assistant ? (
        <>
          <View className='home__stats card'>
            <Stat label='待受理' value={tickets?.filter((t) => t.status === TicketStatus.Submitted || t.status === TicketStatus.Assigned).length} />
            <Stat label='处理中' value={tickets?.filter((t) => [TicketStatus.Accepted, TicketStatus.OnSite, TicketStatus.OnHold].includes(t.status)).length} />
            <Stat label='已超时' value={tickets?.filter(isLate).length} />
          </View>
          <SectionHead title='待办工单' onMore={() => void Taro.switchTab({ url: TICKETS_PAGE })} />
          <TicketList tickets={tickets && tickets.slice(0, RECENT)} emptyText='暂无待办工单' showRoom />
        </>
      ) : null}
      {user.role === Role.Supervisor || user.role === Role.Admin ? (
        <>
          <View className='home__stats card'>
            <Stat label='处理中' value={tickets?.length} />
            <Stat label='即将超时' value={tickets?.filter((t) => t.sla?.state === 'warning').length} />
            <Stat label='已超时' value={tickets?.filter(isLate).length} />
            <Stat label='未派单' value={tickets?.filter((t) => t.assigneeName === null).length} />
          </View>
          <SectionHead title='小区在办工单' onMore={() => void Taro.switchTab({ url: TICKETS_PAGE })} />
          <TicketList tickets={tickets && tickets.slice(0, RECENT)} emptyText='小区暂无在办工单' showRoom />
        </>
      ) : null}
    </View>
  );
}

function Greeting({ user }: { user: UserProfileDto }) {
  return (
    <View className='home__greeting card'>
      <Text className='home__name'>您好，{user.name}</Text>
      <Text className='muted'>
        {ROLE_LABELS[user.role]}
        {user.household ? ` · ${user.household.communityName} ${user.household.roomLabel}` : ''}
      </Text>
    </View>
  );
}

function SectionHead({ title, onMore }: { title: string; onMore: () => void }) {
  return (
    <View className='home__section'>
      <Text className='section-title'>{title}</Text>
      <Text className='muted' onClick={onMore}>
        查看全部
      </Text>
    </View>
  );
}

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <View className='home__stat'>
      <Text className='home__stat-value'>{value ?? '-'}</Text>
      <Text className='muted'>{label}</Text>
    </View>
  );
}
