import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import {
  Channel,
  CHANNEL_LABELS,
  ErrorCode,
  HOLD_REASON_LABELS,
  HoldReason,
  MAX_DESCRIPTION_LENGTH,
  NotificationKind,
  SLA_MILESTONE_LABELS,
  SLA_STATE_LABELS,
  TICKET_ACTION_LABELS,
  TICKET_KIND_LABELS,
  TicketAction,
  TicketDetailDto,
  TicketMilestoneDto,
  UploadDto,
  WECHAT_REACH_LABELS,
} from '@linli/contracts';
import { NAMES_ASSIGNEE, NOTE_PROMPTS, REASON_REQUIRED } from '@linli/domain';
import { SlaBadge } from '../../../components/sla-badge';
import { askForSubscriptions } from '../../../services/subscribe';
import { PhotoPicker } from '../../../components/photo-picker';
import { api } from '../../../services/api';
import { ApiRequestError, showError } from '../../../services/http';
import { ExtensionCard } from '../../../components/extension-card';
import { EscalationCard } from '../../../components/escalation-card';
import { RATING_REPLACES, RatingCard } from '../../../components/rating-card';
import { ESCALATION_LABELS, formatTime, statusLabel, statusTagType } from '../../../services/format';
import './index.scss';

/** Actions that undo or dispute work: shown as secondary buttons and asked to confirm. */
const SECONDARY = new Set([TicketAction.Cancel, TicketAction.Reopen, TicketAction.Hold, TicketAction.MarkInvalid, TicketAction.Forward, TicketAction.FollowUp]);
/** WeChat's action sheet shows at most six choices. */
const MAX_CHOICES = 6;
const HOLD_REASONS = Object.values(HoldReason);
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
};

const CLASSES = [
  { label: '紧急 · 严重', urgent: true, serious: true },
  { label: '紧急 · 一般', urgent: true, serious: false },
  { label: '非紧急 · 严重', urgent: false, serious: true },
  { label: '非紧急 · 一般', urgent: false, serious: false },
];

/** The note box's hint: the one prompt when a single action needs a note, a general one when several do. */
function notePlaceholder(actions: readonly TicketAction[]): string {
  const needing = actions.filter((a) => REASON_REQUIRED.includes(a));
  if (needing.length === 0) return '备注（选填）';
  if (needing.length === 1 && actions.length === 1) return NOTE_PROMPTS[needing[0]] ?? '请填写备注';
  return `备注（${needing.map((a) => TICKET_ACTION_LABELS[a]).join('、')}时必填）`;
}

const MILESTONE_STATE_TEXT: Record<TicketMilestoneDto['state'], string> = { met: '已完成', ...SLA_STATE_LABELS };

export default function TicketDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [ticket, setTicket] = useState<TicketDetailDto | null>(null);
  const [note, setNote] = useState('');
  const [acting, setActing] = useState<TicketAction | null>(null);
  // Photos of the finished work, sent with "resolve".
  const [resultPhotos, setResultPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);

  const load = useCallback(async () => {
    try {
      setTicket(await api.ticket(id));
    } catch (err) {
      showError(err);
    }
  }, [id]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

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
    try {
      setTicket(await api.classify(ticket.id, { version: ticket.version, urgent: chosen.urgent, serious: chosen.serious, note: note.trim() || undefined }));
      setNote('');
      void Taro.showToast({ title: '已调整，时限已重新计算', icon: 'none' });
    } catch (err) {
      showError(err);
    }
  };

  const act = async (action: TicketAction) => {
    if (!ticket || acting) return;
    if (REASON_REQUIRED.includes(action) && !note.trim()) {
      void Taro.showToast({ title: NOTE_PROMPTS[action] ?? '请在备注中写明原因', icon: 'none' });
      return;
    }
    let holdReason: HoldReason | undefined;
    let assigneeId: string | undefined;
    if (NAMES_ASSIGNEE.includes(action)) {
      // Dispatch or hand on: pick one of the building's assistants, least loaded first.
      try {
        const options = (await api.assignees(ticket.id)).filter((o) => action !== TicketAction.Transfer || o.name !== ticket.assigneeName).slice(0, MAX_CHOICES);
        if (options.length === 0) return void Taro.showToast({ title: '本楼栋没有其他礼宾助理', icon: 'none' });
        const { tapIndex } = await Taro.showActionSheet({ itemList: options.map((o) => `${o.name}（${o.openTickets} 单在办）`) });
        assigneeId = options[tapIndex].id;
      } catch (err) {
        if (err instanceof ApiRequestError) showError(err);
        return; // closed without choosing
      }
    } else if (action === TicketAction.Hold) {
      try {
        const { tapIndex } = await Taro.showActionSheet({ itemList: HOLD_REASONS.map((r) => HOLD_REASON_LABELS[r]) });
        holdReason = HOLD_REASONS[tapIndex];
      } catch {
        return; // closed without choosing
      }
    } else if (SECONDARY.has(action)) {
      const { confirm } = await Taro.showModal({ title: TICKET_ACTION_LABELS[action], content: `确定要${TICKET_ACTION_LABELS[action]}吗？` });
      if (!confirm) return;
    }
    if (uploading > 0) {
      void Taro.showToast({ title: '图片还在上传，请稍候', icon: 'none' });
      return;
    }
    setActing(action);
    try {
      const photoIds = action === TicketAction.Resolve && resultPhotos.length > 0 ? resultPhotos.map((p) => p.id) : undefined;
      setTicket(await api.act(ticket.id, { action, version: ticket.version, note: note.trim() || undefined, photoIds, holdReason, assigneeId }));
      setNote('');
      if (action === TicketAction.Resolve) setResultPhotos([]);
      // Taking a ticket on: the moment to ask for new-work and time-limit messages on WeChat.
      if (action === TicketAction.Accept) void askForSubscriptions([NotificationKind.TicketAssigned, NotificationKind.SlaWarning, NotificationKind.SlaEscalated]);
      void Taro.showToast({ title: DONE_TEXT[action] ?? `已${TICKET_ACTION_LABELS[action]}`, icon: 'success' });
    } catch (err) {
      showError(err);
      // Someone else moved the ticket on: show them what it is now.
      if (err instanceof ApiRequestError && (err.code === ErrorCode.TICKET_STALE || err.code === ErrorCode.TICKET_ACTION_NOT_ALLOWED)) await load();
    } finally {
      setActing(null);
    }
  };

  if (!ticket) return <View className='page' />;
  // The rating card confirms (满意, 基本满意) or sends back (不满意) a resolved ticket.
  const visibleActions = ticket.allowedActions.filter((a) => !RATING_REPLACES.includes(a));
  return (
    <View className='page detail'>
      <View className='card detail__head'>
        <View className='detail__title'>
          <Text className='detail__category'>
            {ticket.emergency ? '【紧急】' : ''}
            {ticket.categoryName}
          </Text>
          <View className='detail__tags'>
            {ticket.serious ? <Tag type='danger'>严重</Tag> : null}
            <Tag type={statusTagType(ticket.status)}>{statusLabel(ticket.status)}</Tag>
          </View>
        </View>
        <Text className='detail__description'>{ticket.description}</Text>
        {ticket.photos.length > 0 ? (
          <View className='detail__photos'>
            {ticket.photos.map((p) => (
              <Image
                key={p.id}
                className='detail__photo'
                src={p.url}
                mode='aspectFill'
                onClick={() => void Taro.previewImage({ current: p.url, urls: ticket.photos.map((x) => x.url) })}
              />
            ))}
          </View>
        ) : null}
      </View>

      {ticket.outage ? (
        <View className='card detail__outage'>
          <Text>{`已关联计划停水停电通知「${ticket.outage.title}」`}</Text>
          <Text className='muted'>{`预计 ${formatTime(ticket.outage.endsAt)} 恢复，恢复后本报事一并关闭；如届时仍未恢复，请重新报事。`}</Text>
        </View>
      ) : null}

      <CellGroup>
        <Cell title='工单号' extra={ticket.code} />
        <Cell title='类型' extra={TICKET_KIND_LABELS[ticket.kind]} />
        {ticket.canClassify ? (
          <Cell title='紧急/严重程度' extra={`${ticket.emergency ? '紧急' : '非紧急'} · ${ticket.serious ? '严重' : '一般'}`} clickable onClick={() => void reclassify()} />
        ) : null}
        <Cell title='房屋' extra={ticket.roomLabel} />
        <Cell title='处理人' extra={ticket.assigneeName ?? '待分配'} />
        {ticket.channel !== Channel.MiniProgram ? <Cell title='受理渠道' extra={CHANNEL_LABELS[ticket.channel]} /> : null}
        {ticket.intake ? (
          <Cell
            title={`联系人 ${ticket.intake.contactName ?? ''}`}
            description={`${ticket.intake.receivedByName} 受理`}
            extra={ticket.intake.contactPhone ?? ''}
            clickable={ticket.intake.contactPhone !== null}
            onClick={() => ticket.intake?.contactPhone && void Taro.makePhoneCall({ phoneNumber: ticket.intake.contactPhone })}
          />
        ) : null}
        {ticket.reporter ? (
          <Cell
            title={`报事人 ${ticket.reporter.name}`}
            description={WECHAT_REACH_LABELS[ticket.reporter.wechatReach]}
            extra={ticket.reporter.phone ?? '无登记电话'}
            clickable={ticket.reporter.phone !== null}
            onClick={() => ticket.reporter?.phone && void Taro.makePhoneCall({ phoneNumber: ticket.reporter.phone })}
          />
        ) : null}
        <Cell title='提交时间' extra={formatTime(ticket.createdAt)} />
        {ticket.holdReason ? <Cell title='挂起原因' extra={HOLD_REASON_LABELS[ticket.holdReason]} /> : null}
        {ticket.reopenCount > 0 ? <Cell title='返工' extra={`第 ${ticket.reopenCount + 1} 轮处理`} /> : null}
        {ticket.escalationLevel > 0 ? <Cell title='升级' extra={ESCALATION_LABELS[ticket.escalationLevel]} /> : null}
      </CellGroup>

      {ticket.milestones.length > 0 ? (
        <View className='card detail__limits'>
          <Text className='detail__limits-title'>服务时限</Text>
          {ticket.sla ? <SlaBadge sla={ticket.sla} /> : null}
          {ticket.milestones.map((m) => (
            <View key={m.milestone} className={`detail__limit detail__limit--${m.state}`}>
              <Text>
                {SLA_MILESTONE_LABELS[m.milestone]}（{m.policyName}）
              </Text>
              <Text className='muted'>
                {m.state === 'met' ? `${formatTime(m.metAt)} 完成` : m.dueAt ? `${formatTime(m.dueAt)} 前 · ${MILESTONE_STATE_TEXT[m.state]}` : MILESTONE_STATE_TEXT[m.state]}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <ExtensionCard ticket={ticket} onChanged={setTicket} />
      <EscalationCard ticket={ticket} onChanged={setTicket} />
      <RatingCard ticket={ticket} onChanged={() => void load()} />

      {visibleActions.length > 0 ? (
        <View className='card detail__actions'>
          <TextArea
            value={note}
            onChange={setNote}
            placeholder={notePlaceholder(visibleActions)}
            maxLength={MAX_DESCRIPTION_LENGTH}
            rows={2}
          />
          {ticket.allowedActions.includes(TicketAction.Resolve) ? (
            <View>
              <Text className='muted'>处理结果照片（选填）</Text>
              <PhotoPicker photos={resultPhotos} onChange={setResultPhotos} onUploadingChange={setUploading} />
            </View>
          ) : null}
          {visibleActions.map((action) => (
            <Button
              key={action}
              block
              type={SECONDARY.has(action) || NAMES_ASSIGNEE.includes(action) ? 'default' : 'primary'}
              loading={acting === action}
              onClick={() => void act(action)}
            >
              {TICKET_ACTION_LABELS[action]}
            </Button>
          ))}
        </View>
      ) : null}

      <Text className='section-title'>处理进度</Text>
      <View className='card detail__timeline'>
        {[...ticket.events].reverse().map((e) => (
          <View key={e.id} className='detail__event'>
            <Text className='detail__event-title'>
              {TICKET_ACTION_LABELS[e.action]} · {statusLabel(e.toStatus)}
            </Text>
            <Text className='muted'>
              {e.actorName} · {formatTime(e.at)}
            </Text>
            {e.note ? <Text className='detail__event-note'>{e.note}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
