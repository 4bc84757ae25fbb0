import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import {
  Channel,
  CHANNEL_LABELS,
  MAX_DESCRIPTION_LENGTH,
  MAX_TICKET_PHOTOS,
  NotificationKind,
  OutageNoticeDto,
  STAFF_CHANNELS,
  TicketCategoryDto,
  UploadDto,
} from '@linli/contracts';
import { askForSubscriptions } from '../../../services/app/subscribe';
import { detectEmergency, OUTAGE_KIND_LABELS } from '@linli/domain';
import { formatTime } from '../../../services/app/format';
import { api } from '../../../services/api/api';
import { attempt } from '../../../services/request/result';
import { newIdempotencyKey, reportDraftProblem } from '../../../services/tickets/report-form';
import { NewcomerCard } from '../../../components/newcomer-card';
import { PhotoPicker } from '../../../components/photo-picker';
import { useRequiredUser } from '../../../services/session/use-session';
import { visitDateRange } from '../../../services/tickets/report-form';
import { ticketDetailPage } from '../../../services/app/routes';
import { useTask } from '../../../services/request/use-action';
import { Chip } from '../../../components/chips';
import './index.scss';

/**
 * 我要报事 for a resident; with ?householdId= it is 代客报事 for staff: a request taken by phone, at the
 * desk, on patrol or in WeChat chat, with the channel and whom to call back.
 */
export default function ReportPage() {
  const { params } = useRouter();
  const user = useRequiredUser({ refresh: true });
  const onBehalfOf = params.householdId
    ? { householdId: params.householdId, roomLabel: decodeURIComponent(params.room ?? '') }
    : null;
  const [channel, setChannel] = useState<Channel>(Channel.Hotline);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [categories, setCategories] = useState<TicketCategoryDto[]>([]);
  // 留言 from the assistant's card opens the form on an inquiry (咨询) the building's assistant answers.
  const [categoryCode, setCategoryCode] = useState<string | null>(params.category ?? null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const task = useTask();
  const submitting = task.running;
  // Preferred visit: a China-time date and time, both or neither.
  const [visitDate, setVisitDate] = useState('');
  const [visitTime, setVisitTime] = useState('');
  // One key per form: a retry after a lost response returns the same ticket.
  const idempotencyKey = useRef(newIdempotencyKey());

  const [hotline, setHotline] = useState<string | null>(null);
  const [outages, setOutages] = useState<OutageNoticeDto[]>([]);
  useLoad(() => {
    void attempt(async () => setCategories(await api.categories()));
    // Residents are told of planned cuts before they report one (staff filing for a resident see the file instead).
    if (!onBehalfOf) api.currentOutages().then(setOutages, () => setOutages([]));
    api.meta().then(
      (m) => setHotline(m.hotline),
      () => setHotline(null),
    );
  });

  const draft = { categoryCode, description, photoIds: photos.map((p) => p.id), uploading };
  const emergencyWords = detectEmergency(description);

  const submit = async () => {
    const problem = reportDraftProblem(draft);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    if (onBehalfOf && (!contactName.trim() || !contactPhone.trim())) {
      void Taro.showToast({ title: '请填写联系人和联系电话', icon: 'none' });
      return;
    }
    await task.run(async () => {
      const body = {
        categoryCode: categoryCode as string,
        description: description.trim(),
        photoIds: draft.photoIds,
        idempotencyKey: idempotencyKey.current,
        preferredVisitAt: visitDate && visitTime ? `${visitDate}T${visitTime}:00+08:00` : undefined,
      };
      const ticket = onBehalfOf
        ? await api.createTicketOnBehalf({
            ...body,
            householdId: onBehalfOf.householdId,
            channel,
            contactName: contactName.trim(),
            contactPhone: contactPhone.trim(),
          })
        : await api.createTicket(body);
      // The moment the resident most wants to hear back: ask for WeChat progress messages now.
      if (!onBehalfOf)
        await askForSubscriptions([NotificationKind.TicketUpdated, NotificationKind.RateRequest]);
      await Taro.redirectTo({ url: ticketDetailPage(ticket.id) });
      void Taro.showToast({ title: '提交成功', icon: 'success' });
    });
  };

  // Someone without a room is told so before typing anything, with the ways forward (issue #9, item 5).
  if (!onBehalfOf && user && !user.household) {
    return (
      <View className="page report">
        <NewcomerCard hotline={hotline} lead="报事前请先绑定房屋" />
      </View>
    );
  }
  const visitRange = visitDateRange(new Date());

  return (
    <View className="page report">
      {outages.map((o) => (
        <View key={o.id} className="card report__outage">
          <Text className="report__outage-title">{`计划${OUTAGE_KIND_LABELS[o.kind]}：${o.title}`}</Text>
          <Text>{`${formatTime(o.startsAt)} 至 ${formatTime(o.endsAt)}`}</Text>
          <Text className="muted">{`期间报${OUTAGE_KIND_LABELS[o.kind]}会自动关联此通知，恢复后一并关闭，无需重复报事。`}</Text>
        </View>
      ))}
      {onBehalfOf ? (
        <>
          <View className="card">
            <Text className="report__room">{`代客报事 · ${onBehalfOf.roomLabel}`}</Text>
            <Text className="muted">首接责任：由您受理的报事由您负责，直至交给处理人</Text>
          </View>
          <Text className="section-title">受理渠道</Text>
          <View className="chips">
            {STAFF_CHANNELS.map((c) => (
              <Chip key={c} active={c === channel} onClick={() => setChannel(c)}>
                {CHANNEL_LABELS[c]}
              </Chip>
            ))}
          </View>
          <Text className="section-title">联系人</Text>
          <View className="report__contact">
            <Input
              value={contactName}
              onChange={setContactName}
              placeholder="联系人姓名"
              maxLength={50}
            />
            <Input
              value={contactPhone}
              onChange={setContactPhone}
              placeholder="回访电话"
              type="tel"
              maxLength={20}
            />
          </View>
        </>
      ) : null}
      <Text className="section-title">报事类别</Text>
      <View className="report__categories">
        {categories.map((c) => (
          <View
            key={c.code}
            className={`report__category${c.code === categoryCode ? ' report__category--active' : ''}${c.emergency ? ' report__category--emergency' : ''}`}
            onClick={() => setCategoryCode(c.code)}
          >
            {c.name}
          </View>
        ))}
      </View>

      {categories.some((c) => c.emergency) ? (
        <View className="report__legend">
          <View className="report__legend-mark" />
          <Text className="muted">橙色边框为紧急类别，将优先派单处理</Text>
        </View>
      ) : null}

      <Text className="section-title">问题描述</Text>
      <TextArea
        value={description}
        onChange={setDescription}
        placeholder="请描述问题和位置，例如：厨房水槽下水管漏水"
        maxLength={MAX_DESCRIPTION_LENGTH}
        showCount
        rows={4}
      />
      {emergencyWords.length > 0 ? (
        <View className="report__emergency">
          <Text>检测到“{emergencyWords.join('、')}”，将作为紧急工单优先处理。</Text>
          {hotline ? (
            <Text
              className="report__hotline"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline })}
            >
              情况危急请直接拨打 24 小时物业热线 {hotline}
            </Text>
          ) : null}
        </View>
      ) : null}

      <Text className="section-title">
        照片（{photos.length}/{MAX_TICKET_PHOTOS}）
      </Text>
      <PhotoPicker photos={photos} onChange={setPhotos} onUploadingChange={setUploading} />

      <Text className="section-title">希望上门时间（选填）</Text>
      <View className="report__visit">
        <Picker
          className="report__visit-picker"
          mode="date"
          value={visitDate}
          start={visitRange.start}
          end={visitRange.end}
          onChange={(e) => setVisitDate(String(e.detail.value))}
        >
          <View className="report__visit-field">{visitDate || '选择日期'}</View>
        </Picker>
        <Picker
          className="report__visit-picker"
          mode="time"
          value={visitTime}
          onChange={(e) => setVisitTime(String(e.detail.value))}
        >
          <View className="report__visit-field">{visitTime || '选择时间'}</View>
        </Picker>
      </View>

      <View className="report__submit">
        <Button type="primary" block loading={submitting} onClick={() => void submit()}>
          提交报事
        </Button>
      </View>
    </View>
  );
}
