import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  HOLD_REASON_LABELS,
  HoldReason,
  MAX_DESCRIPTION_LENGTH,
  TICKET_ACTION_LABELS,
  TicketAction,
  TicketActionRequest,
  TicketDetailDto,
  UploadDto,
} from '@linli/contracts';
import { NAMES_ASSIGNEE, NOTE_PROMPTS, REASON_REQUIRED } from '@linli/domain';
import { api } from '../../services/api/api';
import { attempt } from '../../services/request/result';
import { PhotoPicker } from '../photo-picker';
import { splitActions } from '../../services/tickets/ticket-next-step';
import './ticket-detail.scss';

/** What an action needs besides the version: what the bar collected before calling it. */
export type ActionInput = Omit<TicketActionRequest, 'action' | 'version'>;

/** WeChat's action sheet shows at most six choices. */
const MAX_CHOICES = 6;
const HOLD_REASONS = Object.values(HoldReason);

/** Button words: a resident withdraws (撤销报事); a supervisor re-dispatching a ticket someone holds reassigns (改派). */
export function actionLabel(
  action: TicketAction,
  ticket: TicketDetailDto,
  forResident: boolean,
): string {
  if (action === TicketAction.Cancel) return forResident ? '撤销报事' : '取消工单';
  if (action === TicketAction.Assign && ticket.assigneeName) return '改派';
  return TICKET_ACTION_LABELS[action];
}

/** The sheet's send button, in words that say what happens. */
const SHEET_SUBMIT: Partial<Record<TicketAction, string>> = {
  [TicketAction.Resolve]: '提交处理结果',
  [TicketAction.Reopen]: '退回重新处理',
  [TicketAction.Hold]: '确认挂起',
  [TicketAction.MarkInvalid]: '确认判定无效',
  [TicketAction.Reply]: '发送答复',
  [TicketAction.Forward]: '确认转交',
  [TicketAction.FollowUp]: '保存跟进',
  [TicketAction.Urge]: '发送督办',
};

/** Actions whose note (or result photos) is written in the sheet before they are sent. */
const needsSheet = (action: TicketAction) =>
  REASON_REQUIRED.includes(action) || action === TicketAction.Resolve;

interface Props {
  ticket: TicketDetailDto;
  forResident: boolean;
  /** Sends the action; resolves true when it went through. */
  onAct: (action: TicketAction, input: ActionInput) => Promise<boolean>;
}

/**
 * The ticket's actions in a bar fixed to the bottom of the screen: the next step as the one primary
 * button, the rest behind 更多. Notes and result photos are written in a sheet that slides up.
 */
export function TicketActionBar({ ticket, forResident, onAct }: Props) {
  const [sheet, setSheet] = useState<{ action: TicketAction; holdReason?: HoldReason } | null>(
    null,
  );
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);
  const { primary, rest } = splitActions(ticket.allowedActions);
  if (!primary && rest.length === 0) return null;
  const label = (a: TicketAction) => actionLabel(a, ticket, forResident);

  const send = async (action: TicketAction, input: ActionInput) => {
    setBusy(true);
    try {
      return await onAct(action, input);
    } finally {
      setBusy(false);
    }
  };

  /** Collects what the action needs (an assistant, a hold reason, a confirmation, a note), then sends it. */
  const start = async (action: TicketAction) => {
    if (busy) return;
    if (NAMES_ASSIGNEE.includes(action)) {
      const found = await attempt(() => api.assignees(ticket.id));
      if (!found.ok) return;
      const options = found.data
        .filter((o) => action !== TicketAction.Transfer || o.name !== ticket.assigneeName)
        .slice(0, MAX_CHOICES);
      if (options.length === 0)
        return void Taro.showToast({ title: '本楼栋没有其他礼宾助理', icon: 'none' });
      let tapIndex: number;
      try {
        ({ tapIndex } = await Taro.showActionSheet({
          itemList: options.map((o) => `${o.name}（${o.openTickets} 单在办）`),
        }));
      } catch {
        return; // closed without choosing
      }
      await send(action, { assigneeId: options[tapIndex].id });
      return;
    }
    if (action === TicketAction.Cancel) {
      const { confirm } = await Taro.showModal(
        forResident
          ? {
              title: '撤销报事',
              content: '撤销后管家将不再处理这条报事。问题如果还在，可以重新报事。',
              confirmText: '撤销报事',
              cancelText: '再想想',
              confirmColor: '#cf1322',
            }
          : {
              title: '取消工单',
              content: '取消后工单不再处理，住户会收到通知。',
              confirmText: '取消工单',
              cancelText: '再想想',
              confirmColor: '#cf1322',
            },
      );
      if (confirm) await send(action, {});
      return;
    }
    if (action === TicketAction.Hold) {
      try {
        const { tapIndex } = await Taro.showActionSheet({
          itemList: HOLD_REASONS.map((r) => HOLD_REASON_LABELS[r]),
        });
        setSheet({ action, holdReason: HOLD_REASONS[tapIndex] });
      } catch {
        // closed without choosing
      }
      return;
    }
    if (needsSheet(action)) {
      setSheet({ action });
      return;
    }
    await send(action, {});
  };

  const more = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({
        itemList: rest.slice(0, MAX_CHOICES).map(label),
      });
      await start(rest[tapIndex]);
    } catch {
      // closed without choosing
    }
  };

  const submitSheet = async () => {
    if (!sheet) return;
    const required = REASON_REQUIRED.includes(sheet.action);
    if (required && !note.trim())
      return void Taro.showToast({
        title: NOTE_PROMPTS[sheet.action] ?? '请填写备注',
        icon: 'none',
      });
    if (uploading > 0) return void Taro.showToast({ title: '图片还在上传，请稍候', icon: 'none' });
    const ok = await send(sheet.action, {
      note: note.trim() || undefined,
      holdReason: sheet.holdReason,
      photoIds:
        sheet.action === TicketAction.Resolve && photos.length > 0
          ? photos.map((p) => p.id)
          : undefined,
    });
    if (ok) {
      setSheet(null);
      setNote('');
      setPhotos([]);
    }
  };

  // Nothing leads: the one thing there is (a resident's 撤销报事) is a plain button, not a call to action.
  const lone = primary === null && rest.length === 1 ? rest[0] : null;
  return (
    <>
      <View className="ticket-bar-space" />
      <View className="ticket-bar">
        {rest.length > 0 && !lone ? (
          <Button className="ticket-bar__more" onClick={() => void more()}>
            更多
          </Button>
        ) : null}
        {primary ? (
          <Button
            className="ticket-bar__primary"
            type="primary"
            loading={busy && !sheet}
            onClick={() => void start(primary)}
          >
            {label(primary)}
          </Button>
        ) : null}
        {lone ? (
          <Button className="ticket-bar__primary" loading={busy} onClick={() => void start(lone)}>
            {label(lone)}
          </Button>
        ) : null}
      </View>
      <Popup
        visible={sheet !== null}
        position="bottom"
        round
        closeable
        title={sheet ? label(sheet.action) : ''}
        onClose={() => setSheet(null)}
      >
        {sheet ? (
          <View className="ticket-sheet">
            {sheet.holdReason ? (
              <Text className="muted">{`挂起原因：${HOLD_REASON_LABELS[sheet.holdReason]}`}</Text>
            ) : null}
            <TextArea
              value={note}
              onChange={setNote}
              placeholder={
                REASON_REQUIRED.includes(sheet.action)
                  ? (NOTE_PROMPTS[sheet.action] ?? '请填写备注')
                  : '处理说明（选填）'
              }
              maxLength={MAX_DESCRIPTION_LENGTH}
              rows={3}
            />
            {sheet.action === TicketAction.Resolve ? (
              <View>
                <Text className="muted">处理结果照片（选填）</Text>
                <PhotoPicker
                  photos={photos}
                  onChange={setPhotos}
                  onUploadingChange={setUploading}
                />
              </View>
            ) : null}
            <Button block type="primary" loading={busy} onClick={() => void submitSheet()}>
              {SHEET_SUBMIT[sheet.action] ?? '提交'}
            </Button>
          </View>
        ) : null}
      </Popup>
    </>
  );
}
