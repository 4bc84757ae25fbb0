import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, Role, UserProfileDto } from '@linli/contracts';
import { NewcomerHome } from '../../components/newcomer-home';
import { ResidentHome } from '../../components/resident-home';
import { Section } from '../../components/section';
import { TicketList } from '../../components/ticket-list';
import { staffPriorities } from '../../services/tickets/home-priorities';
import { useWorkOrdersDue } from '../../services/tickets/use-work-orders-due';
import {
  CALL_TASKS_PAGE,
  EXTENSIONS_PAGE,
  GATE_PAGE,
  JOIN_APPROVALS_PAGE,
  MY_SLIPS_PAGE,
  OFFICE_MOVE_OUTS_PAGE,
  REVIEWS_DUE_PAGE,
  TICKETS_PAGE,
  WORK_ORDERS_PAGE,
} from '../../services/app/routes';
import { usePendingMoveOuts } from '../../services/households/use-pending-move-outs';
import { useOpenCalls } from '../../services/tickets/use-open-calls';
import { usePendingExtensions } from '../../services/tickets/use-pending-extensions';
import { usePendingJoins } from '../../services/households/use-pending-joins';
import { useReviewsDue } from '../../services/households/use-reviews-due';
import { useRoleTickets } from '../../services/tickets/use-role-tickets';
import { useRequiredUser } from '../../services/session/use-session';
import { useUnread } from '../../services/app/use-unread';
import './index.scss';

const RECENT = 3;

export default function HomePage() {
  const user = useRequiredUser({ refresh: true });
  // The gate guard checks release slips and nothing else: no messages, tickets or phone tasks to load.
  const guard = user !== null && user.role === Role.Guard;
  const unread = useUnread(user !== null && !guard);
  const { tickets, queueCounts, communityCounts } = useRoleTickets(user, undefined, {
    scrollLoads: false,
  });
  const openCalls = useOpenCalls(user !== null && user.role !== Role.Resident && !guard);
  const pendingExtensions = usePendingExtensions(user !== null && user.role === Role.Supervisor);
  const pendingMoveOuts = usePendingMoveOuts(user);
  const reviewsDue = useReviewsDue(
    user !== null && (user.role === Role.Assistant || user.role === Role.Supervisor),
  );
  const workOrdersDue = useWorkOrdersDue(
    user !== null && user.role === Role.Supervisor && user.department !== null,
  );
  const pendingJoins = usePendingJoins(
    user !== null && !guard && (user.role !== Role.Resident || user.household !== null),
  );
  if (!user) return <View className="page" />;
  return (
    <View className="page home">
      <Greeting user={user} />
      {openCalls > 0 ? (
        <View
          className="card home__calls"
          onClick={() => void Taro.navigateTo({ url: CALL_TASKS_PAGE })}
        >
          <Text className="home__calls-title">{`${openCalls} 个电话待拨打`}</Text>
          <Text className="muted">紧急工单的消息未能通过微信送达，请电话通知</Text>
        </View>
      ) : null}
      {pendingExtensions > 0 ? (
        <View
          className="card home__calls"
          onClick={() => void Taro.navigateTo({ url: EXTENSIONS_PAGE })}
        >
          <Text className="home__calls-title">{`${pendingExtensions} 个延期申请待审批`}</Text>
          <Text className="muted">未经批准，任何人不得超过服务时限</Text>
        </View>
      ) : null}
      {pendingJoins > 0 ? (
        <View
          className="card home__calls"
          onClick={() => void Taro.navigateTo({ url: JOIN_APPROVALS_PAGE })}
        >
          <Text className="home__calls-title">{`${pendingJoins} 个入住申请待审批`}</Text>
          <Text className="muted">
            {user.role === Role.Resident
              ? '家人、租户申请加入您的房屋'
              : '租户、借住亲属加入房屋需物业审核'}
          </Text>
        </View>
      ) : null}
      {workOrdersDue > 0 ? (
        <View
          className="card home__calls"
          onClick={() => void Taro.navigateTo({ url: WORK_ORDERS_PAGE })}
        >
          <Text className="home__calls-title">{`${workOrdersDue} 张工作安排通知单待处理`}</Text>
          <Text className="muted">接收后按期完成，结果写入工单进度</Text>
        </View>
      ) : null}
      {reviewsDue > 0 ? (
        <View
          className="card home__calls"
          onClick={() => void Taro.navigateTo({ url: REVIEWS_DUE_PAGE })}
        >
          <Text className="home__calls-title">{`${reviewsDue} 户档案待复核`}</Text>
          <Text className="muted">住户档案每季度复核一次</Text>
        </View>
      ) : null}
      {guard ? (
        <View className="home__actions">
          <Button
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: GATE_PAGE })}
          >
            核验放行条
          </Button>
          <Text className="muted home__hint">住户搬出物品时，输入或扫描放行条上的放行码</Text>
        </View>
      ) : null}
      {pendingMoveOuts > 0 ? (
        <View
          className="card home__calls"
          onClick={() =>
            void Taro.navigateTo({
              url: user.role === Role.Resident ? MY_SLIPS_PAGE : OFFICE_MOVE_OUTS_PAGE,
            })
          }
        >
          <Text className="home__calls-title">
            {user.role === Role.Resident
              ? `${pendingMoveOuts} 个搬出申请待您授权`
              : `${pendingMoveOuts} 个搬出申请待处理`}
          </Text>
          <Text className="muted">
            {user.role === Role.Resident
              ? '租户或代办人搬出物品，须经业主同意'
              : '业主授权 · 费用结清 · 出具放行条 · 迁出登记'}
          </Text>
        </View>
      ) : null}
      {user.role === Role.Resident && !user.household ? <NewcomerHome /> : null}
      {user.role === Role.Resident && user.household ? (
        <ResidentHome tickets={tickets} unread={unread} />
      ) : null}
      {user.role === Role.Assistant ? (
        <>
          <View className="home__stats card">
            {/* Of the whole queue (the server counts it), not of the first page shown below. */}
            <Stat label="待受理" value={queueCounts?.pending} />
            <Stat label="处理中" value={queueCounts?.inProgress} />
            <Stat label="已超时" value={queueCounts?.late} />
          </View>
          <Section
            title="待办工单"
            more={{ label: '查看全部', onClick: () => void Taro.switchTab({ url: TICKETS_PAGE }) }}
          >
            <TicketList
              tickets={tickets && tickets.slice(0, RECENT)}
              emptyText="暂无待办工单，新报事会出现在这里"
              showRoom
            />
          </Section>
        </>
      ) : null}
      {user.role === Role.Supervisor || user.role === Role.Admin ? (
        <>
          <View className="home__stats card">
            {/* Of the whole open list (the server counts it), not of the first page shown below. */}
            <Stat label="处理中" value={communityCounts?.total} />
            <Stat label="即将超时" value={communityCounts?.warning} />
            <Stat label="已超时" value={communityCounts?.late} />
            <Stat label="未派单" value={communityCounts?.unassigned} />
          </View>
          <Section
            title={user.role === Role.Admin ? '各小区在办工单' : '小区在办工单'}
            more={{ label: '查看全部', onClick: () => void Taro.switchTab({ url: TICKETS_PAGE }) }}
          >
            {communityCounts && communityCounts.attention > 0 ? (
              <Text className="home__attention">{`${communityCounts.attention} 个工单需要您关注：已升级、已超时或即将超时，排在最前`}</Text>
            ) : null}
            <TicketList
              tickets={tickets && staffPriorities(tickets).slice(0, RECENT)}
              emptyText={user.role === Role.Admin ? '各小区暂无在办工单' : '小区暂无在办工单'}
              showRoom
            />
          </Section>
        </>
      ) : null}
    </View>
  );
}

function Greeting({ user }: { user: UserProfileDto }) {
  return (
    <View className="home__greeting card">
      <Text className="home__name">您好，{user.name}</Text>
      <Text className="muted">
        {ROLE_LABELS[user.role]}
        {user.household ? ` · ${user.household.communityName} ${user.household.roomLabel}` : ''}
      </Text>
    </View>
  );
}

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <View className="home__stat">
      <Text className="home__stat-value">{value ?? '-'}</Text>
      <Text className="muted">{label}</Text>
    </View>
  );
}
