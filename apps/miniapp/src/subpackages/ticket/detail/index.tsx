import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { ErrorCode, MAX_DESCRIPTION_LENGTH, TICKET_ACTION_LABELS, TICKET_KIND_LABELS, TicketAction, TicketDetailDto, UploadDto } from '@linli/contracts';
import { PhotoPicker } from '../../../components/photo-picker';
import { api } from '../../../services/api';
import { ApiRequestError, showError } from '../../../services/http';
import { formatTime, statusLabel, statusTagType } from '../../../services/format';
import './index.scss';

/** Actions that undo or dispute work: shown as secondary buttons and asked to confirm. */
const SECONDARY = new Set([TicketAction.Cancel, TicketAction.Reopen]);

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

  const act = async (action: TicketAction) => {
    if (!ticket || acting) return;
    if (SECONDARY.has(action)) {
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
      setTicket(await api.act(ticket.id, { action, version: ticket.version, note: note.trim() || undefined, photoIds }));
      setNote('');
      if (action === TicketAction.Resolve) setResultPhotos([]);
      void Taro.showToast({ title: `已${TICKET_ACTION_LABELS[action]}`, icon: 'success' });
    } catch (err) {
      showError(err);
      // Someone else moved the ticket on: show them what it is now.
      if (err instanceof ApiRequestError && (err.code === ErrorCode.TICKET_STALE || err.code === ErrorCode.TICKET_ACTION_NOT_ALLOWED)) await load();
    } finally {
      setActing(null);
    }
  };

  if (!ticket) return <View className='page' />;
  return (
    <View className='page detail'>
      <View className='card detail__head'>
        <View className='detail__title'>
          <Text className='detail__category'>
            {ticket.emergency ? '【紧急】' : ''}
            {ticket.categoryName}
          </Text>
          <Tag type={statusTagType(ticket.status)}>{statusLabel(ticket.status)}</Tag>
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

      <CellGroup>
        <Cell title='工单号' extra={ticket.code} />
        <Cell title='类型' extra={TICKET_KIND_LABELS[ticket.kind]} />
        <Cell title='房屋' extra={ticket.roomLabel} />
        <Cell title='处理人' extra={ticket.assigneeName ?? '待分配'} />
        <Cell title='提交时间' extra={formatTime(ticket.createdAt)} />
      </CellGroup>

      {ticket.allowedActions.length > 0 ? (
        <View className='card detail__actions'>
          <TextArea value={note} onChange={setNote} placeholder='备注（选填）' maxLength={MAX_DESCRIPTION_LENGTH} rows={2} />
          {ticket.allowedActions.includes(TicketAction.Resolve) ? (
            <View>
              <Text className='muted'>处理结果照片（选填）</Text>
              <PhotoPicker photos={resultPhotos} onChange={setResultPhotos} onUploadingChange={setUploading} />
            </View>
          ) : null}
          {ticket.allowedActions.map((action) => (
            <Button
              key={action}
              block
              type={SECONDARY.has(action) ? 'default' : 'primary'}
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
