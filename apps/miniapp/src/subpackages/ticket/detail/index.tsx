import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import {
  Channel,
  CHANNEL_LABELS,
  ErrorCode,
  HOLD_REASON_LABELS,
  NotificationKind,
  Role,
  TICKET_ACTION_LABELS,
  TICKET_KIND_LABELS,
  TicketAction,
  TicketDetailDto,
  WECHAT_REACH_LABELS,
} from '@linli/contracts';
import { askForSubscriptions } from '../../../services/app/subscribe';
import { api } from '../../../services/api/api';
import { useRequiredUser } from '../../../services/session/use-session';
import { ActionInput, TicketActionBar } from '../../../components/ticket-detail/ticket-action-bar';
import { TicketLimitsCard } from '../../../components/ticket-detail/ticket-limits-card';
import { TicketChatCard } from '../../../components/ticket-detail/ticket-chat-card';
import { TicketPhotos } from '../../../components/ticket-detail/ticket-photos';
import { ContactButton } from '../../../components/contact-button';
import { reportPhotos, TicketTimeline } from '../../../components/ticket-detail/ticket-timeline';
import { ApiRequestError } from '../../../services/request/http';
import { ExtensionCard } from '../../../components/extension-card';
import { EscalationCard } from '../../../components/escalation-card';
import { EmptyState } from '../../../components/empty-state';
import { QueryStatus } from '../../../components/query-status';
import { TICKETS_PAGE } from '../../../services/app/routes';
import { RATING_REPLACES, RatingCard } from '../../../components/rating-card';
import {
  ESCALATION_LABELS,
  formatTime,
  statusLabel,
  statusTagType,
} from '../../../services/app/format';
import { attempt } from '../../../services/request/result';
import { useAction } from '../../../services/request/use-action';
import { useQuery } from '../../../services/request/use-query';
import './index.scss';

/** What the toast says after an action, where "已" + the button label reads badly. */
const DONE_TEXT: Partial<Record<TicketAction, string>> = {
  [TicketAction.Reopen]: '已退回，将重新处理',
  [TicketAction.Resolve]: '已提交处理结果',
  [TicketAction.Confirm]: '感谢您的确认',
  [TicketAction.Resume]: '已恢复处理',
  [TicketAction.MarkInvalid]: '已判定，请在 1 个工作日内答复住户',
  [TicketAction.Reply]: '已答复住户',
  [TicketAction.Forward]: '已转交，请持续跟进',
  [TicketAction.FollowUp]: '已记录跟进',
  [TicketAction.Cancel]: '已撤销报事',
  [TicketAction.Chase]: '已催办',
  [TicketAction.Urge]: '已督办',
};

const CLASSES = [
  { label: '紧急 · 严重', urgent: true, serious: true },
  { label: '紧急 · 一般', urgent: true, serious: false },
  { label: '非紧急 · 严重', urgent: false, serious: true },
  { label: '非紧急 · 一般', urgent: false, serious: false },
];

/** Not there, or not the caller's to see (another household member's complaint): said on the page, not in a passing toast. */
const isMissing = (err: unknown) =>
  err instanceof ApiRequestError && err.code === ErrorCode.TICKET_NOT_FOUND;

/** The ticket, or null when it is missing (see isMissing); any other failure is the query's error. */
async function loadTicket(id: string): Promise<{ ticket: TicketDetailDto | null }> {
  try {
    return { ticket: await api.ticket(id) };
  } catch (err) {
    if (isMissing(err)) return { ticket: null };
    throw err;
  }
}

/** Someone else moved the ticket on: the page shows what it is now. */
const isOutdated = (err: ApiRequestError) =>
  err.code === ErrorCode.TICKET_STALE || err.code === ErrorCode.TICKET_ACTION_NOT_ALLOWED;

export default function TicketDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRequiredUser();
  const forResident = user?.role === Role.Resident;
  const query = useQuery(() => loadTicket(id), [id]);
  const ticket = query.data?.ticket ?? null;
  const missing = query.data !== null && ticket === null;
  const setTicket = (t: TicketDetailDto) => query.setData({ ticket: t });
  const load = query.reload;
  const acting = useAction((t: TicketDetailDto, action: TicketAction, input: ActionInput) =>
    api.act(t.id, { action, version: t.version, ...input }),
  );

  /** Staff set urgency and severity; the server plans the time limits again and records it. */
  const reclassify = async () => {
    if (!ticket) return;
    let tapIndex: number;
    try {
      ({ tapIndex } = await Taro.showActionSheet({ itemList: CLASSES.map((c) => c.label) }));
    } catch {
      return; // closed without choosing
    }
    const chosen = CLASSES[tapIndex];
    await attempt(async () => {
      setTicket(
        await api.classify(ticket.id, {
          version: ticket.version,
          urgent: chosen.urgent,
          serious: chosen.serious,
        }),
      );
      void Taro.showToast({ title: '已调整，时限已重新计算', icon: 'none' });
    });
  };

  const act = async (action: TicketAction, input: ActionInput): Promise<boolean> => {
    if (!ticket) return false;
    const result = await acting.run(ticket, action, input);
    if (!result.ok) {
      if (isOutdated(result.error)) await load();
      return false;
    }
    setTicket(result.data);
    // Taking a ticket on: the moment to ask for new-work and time-limit messages on WeChat.
    if (action === TicketAction.Accept)
      void askForSubscriptions([
        NotificationKind.TicketAssigned,
        NotificationKind.SlaWarning,
        NotificationKind.SlaEscalated,
      ]);
    void Taro.showToast({
      title: DONE_TEXT[action] ?? `已${TICKET_ACTION_LABELS[action]}`,
      icon: 'success',
    });
    return true;
  };

  if (missing)
    return (
      <View className="page">
        <EmptyState
          text="工单不存在，或不在您可查看的范围内"
          action={
            <Button block type="primary" onClick={() => void Taro.switchTab({ url: TICKETS_PAGE })}>
              返回工单列表
            </Button>
          }
        />
      </View>
    );
  if (!ticket)
    return (
      <View className="page">
        <QueryStatus query={query} />
      </View>
    );
  const photosOfReport = reportPhotos(ticket);
  // The rating card confirms (满意, 基本满意) or sends back (不满意) a resolved ticket.
  const visibleActions = ticket.allowedActions.filter((a) => !RATING_REPLACES.includes(a));
  return (
    <View className="page detail">
      <View className="card detail__head">
        <View className="detail__title">
          <Text className="detail__category">
            {ticket.emergency ? '【紧急】' : ''}
            {ticket.categoryName}
          </Text>
          <View className="detail__tags">
            {ticket.serious ? <Tag type="danger">严重</Tag> : null}
            <Tag type={statusTagType(ticket.status)}>{statusLabel(ticket.status)}</Tag>
          </View>
        </View>
        <Text className="detail__description">{ticket.description}</Text>
        <TicketPhotos photos={photosOfReport} caption="报事照片" />
      </View>

      {ticket.outage ? (
        <View className="card detail__outage">
          <Text>{`已关联计划停水停电通知「${ticket.outage.title}」`}</Text>
          <Text className="muted">{`预计 ${formatTime(ticket.outage.endsAt)} 恢复，恢复后本报事一并关闭；如届时仍未恢复，请重新报事。`}</Text>
        </View>
      ) : null}

      <TicketLimitsCard ticket={ticket} forResident={forResident} />

      <CellGroup>
        <Cell title="工单号" extra={ticket.code} />
        <Cell title="类型" extra={TICKET_KIND_LABELS[ticket.kind]} />
        {ticket.canClassify ? (
          <Cell
            title="紧急/严重程度"
            extra={`${ticket.emergency ? '紧急' : '非紧急'} · ${ticket.serious ? '严重' : '一般'}`}
            clickable
            onClick={() => void reclassify()}
          />
        ) : null}
        <Cell title="房屋" extra={ticket.roomLabel} />
        <Cell title="处理人" extra={ticket.assigneeName ?? '待分配'} />
        {ticket.channel !== Channel.MiniProgram ? (
          <Cell title="受理渠道" extra={CHANNEL_LABELS[ticket.channel]} />
        ) : null}
        {ticket.intake ? (
          <Cell
            title={`联系人 ${ticket.intake.contactName ?? ''}`}
            description={`${ticket.intake.receivedByName} 受理`}
            extra={<PhoneLink phone={ticket.intake.contactPhone} />}
            clickable={ticket.intake.contactPhone !== null}
            onClick={() =>
              ticket.intake?.contactPhone &&
              void Taro.makePhoneCall({ phoneNumber: ticket.intake.contactPhone })
            }
          />
        ) : null}
        {ticket.reporter ? (
          <Cell
            title={`报事人 ${ticket.reporter.name}`}
            description={WECHAT_REACH_LABELS[ticket.reporter.wechatReach]}
            extra={<PhoneLink phone={ticket.reporter.phone} />}
            clickable={ticket.reporter.phone !== null}
            onClick={() =>
              ticket.reporter?.phone &&
              void Taro.makePhoneCall({ phoneNumber: ticket.reporter.phone })
            }
          />
        ) : null}
        <Cell title="提交时间" extra={formatTime(ticket.createdAt)} />
        {ticket.holdReason ? (
          <Cell title="挂起原因" extra={HOLD_REASON_LABELS[ticket.holdReason]} />
        ) : null}
        {ticket.reopenCount > 0 ? (
          <Cell title="返工" extra={`第 ${ticket.reopenCount + 1} 轮处理`} />
        ) : null}
        {ticket.escalationLevel > 0 ? (
          <Cell title="升级" extra={ESCALATION_LABELS[ticket.escalationLevel]} />
        ) : null}
      </CellGroup>

      <ExtensionCard ticket={ticket} onChanged={setTicket} />
      <EscalationCard ticket={ticket} onChanged={setTicket} />
      <RatingCard ticket={ticket} onChanged={() => void load()} />
      <TicketChatCard ticket={ticket} user={user} />
      {forResident ? (
        <ContactButton sessionFrom={`ticket:${ticket.code}`} hint="对这张工单有疑问" />
      ) : null}

      <TicketTimeline ticket={ticket} />

      <TicketActionBar
        ticket={{ ...ticket, allowedActions: visibleActions }}
        forResident={forResident}
        onAct={act}
      />
    </View>
  );
}

/** A phone number staff call with one tap. */
function PhoneLink({ phone }: { phone: string | null }) {
  if (!phone) return <Text className="muted">无登记电话</Text>;
  return <Text className="detail__phone">{`${phone} 拨打`}</Text>;
}
