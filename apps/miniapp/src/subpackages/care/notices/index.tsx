import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  BuildingDto,
  NOTICE_KIND_LABELS,
  NoticeDto,
  NoticeKind,
  NoticeReceiptDto,
  Role,
} from '@linli/contracts';
import { ChipChoice, ChipSet } from '../../../components/chips';
import { ListEnd } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { chinaInputToIso, formatTime } from '../../../services/app/format';
import { noticesApi } from '../../../services/api/notices-api';
import { useRequiredUser } from '../../../services/session/use-session';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import '../care.scss';

/** Kinds written here; water and power cuts are announced from 停水停电通知 (they also link reports). */
const KINDS = [
  NoticeKind.PestControl,
  NoticeKind.Works,
  NoticeKind.Event,
  NoticeKind.FireSafety,
  NoticeKind.FinancialReport,
  NoticeKind.SurveyResult,
  NoticeKind.Newsletter,
  NoticeKind.Other,
];

/**
 * 通知公告. Residents: the notices for their household, those in force pinned on top; opening one is the
 * household's read receipt. Staff: every notice with how many households have read it, the receipts
 * (unread first, with whom to call), and for assistants the cuts starting within the hour with the
 * households that have not read them. The supervisor publishes now or at a set time.
 */
export default function NoticesPage() {
  const user = useRequiredUser();
  const resident = user?.role === Role.Resident;
  const canPublish = user?.role === Role.Supervisor;
  // Staff: the cuts starting within the hour, with the households to call that have not read them.
  const calls = useQuery(() => noticesApi.unreadBeforeCuts(), [user?.id], {
    enabled: user !== null && !resident,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [receipts, setReceipts] = useState<Record<string, NoticeReceiptDto[]>>({});
  const buildings = useQuery<BuildingDto[]>(() => api.buildings(), [], { enabled: canPublish });
  const [kind, setKind] = useState<NoticeKind>(NoticeKind.PestControl);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [until, setUntil] = useState('');
  const task = useTask();
  const busy = task.running;

  // Notices read here, shown read without reloading the pages already loaded.
  const [readHere, setReadHere] = useState<Record<string, NoticeDto>>({});
  // Residents: the notices for their household, those in force pinned first; staff: every notice, newest first.
  // Either loads a page at a time as the list is scrolled.
  const list = usePagedList<NoticeDto>(
    (cursor) => (resident ? noticesApi.mine(cursor) : noticesApi.list(cursor)),
    (n) => n.id,
    [user?.id],
    { enabled: user !== null },
  );
  const items = list.items?.map((n) => readHere[n.id] ?? n) ?? null;

  const tap = async (n: NoticeDto) => {
    if (open === n.id) return setOpen(null);
    setOpen(n.id);
    await attempt(async () => {
      if (resident && !n.read) {
        const read = await noticesApi.read(n.id);
        setReadHere((r) => ({ ...r, [n.id]: read }));
      } else if (!resident) {
        const rows = await noticesApi.receipts(n.id);
        setReceipts({ ...receipts, [n.id]: rows });
      }
    });
  };

  const publish = async () => {
    const at = publishAt.trim() ? chinaInputToIso(publishAt) : null;
    const end = until.trim() ? chinaInputToIso(until) : null;
    if ((publishAt.trim() && !at) || (until.trim() && !end))
      return void Taro.showToast({ title: '时间请按 2026-11-24 09:00 的格式填写', icon: 'none' });
    await task.run(async () => {
      await noticesApi.create({
        kind,
        title: title.trim(),
        body: body.trim(),
        target: { buildingIds: chosen, units: [] },
        publishAt: at,
        inForceUntil: end,
      });
      setTitle('');
      setBody('');
      setPublishAt('');
      setUntil('');
      setChosen([]);
      void Taro.showToast({
        title: at ? '已定时，到时通知住户' : '已发布，住户已收到通知',
        icon: 'none',
      });
      await list.reload();
    });
  };

  return (
    <View className="page care">
      {(calls.data ?? []).map((c) => (
        <View key={c.notice.id} className="card care__item unread-calls">
          <Text className="care__title care__warn">{`${c.notice.kindLabel}即将开始：${c.households.length} 户未读`}</Text>
          <Text className="muted">{`${c.notice.title} · ${formatTime(c.notice.startsAt)} 开始，请电话告知`}</Text>
          {c.households.map((h) => (
            <View key={h.householdId} className="care__row">
              <Text>{h.householdLabel}</Text>
              <Text className="muted">
                {h.contacts.map((p) => `${p.name} ${p.phone ?? ''}`.trim()).join('、') ||
                  '无联系人'}
              </Text>
            </View>
          ))}
        </View>
      ))}

      {canPublish ? (
        <View className="card care__item">
          <Text className="care__title">发布通知</Text>
          <ChipChoice
            options={KINDS}
            value={kind}
            label={(k) => NOTICE_KIND_LABELS[k]}
            onChange={setKind}
          />
          <Text className="muted">发送楼栋（不选为全小区）</Text>
          <ChipSet items={buildings.data ?? []} chosen={chosen} onChange={setChosen} />
          <Input
            value={title}
            onChange={setTitle}
            placeholder="标题，如 楼道灭鼠消杀"
            maxLength={60}
          />
          <TextArea
            value={body}
            onChange={setBody}
            placeholder="通知内容"
            maxLength={1000}
            rows={3}
          />
          <Input
            value={publishAt}
            onChange={setPublishAt}
            placeholder="定时发布（选填），如 2026-11-24 09:00"
            maxLength={16}
          />
          <Input
            value={until}
            onChange={setUntil}
            placeholder="置顶至（选填），如 2026-11-30 18:00"
            maxLength={16}
          />
          <Button type="primary" block loading={busy} onClick={() => void publish()}>
            发布通知
          </Button>
        </View>
      ) : null}

      {items === null ? <Text className="muted">加载中…</Text> : null}
      {items && items.length === 0 ? <Text className="muted">暂时没有通知</Text> : null}
      {(items ?? []).map((n) => (
        <View key={n.id} className="card care__item notice-item" onClick={() => void tap(n)}>
          <View className="care__title">
            <Text>{`${n.pinned ? '【置顶】' : ''}${n.title}`}</Text>
            {resident ? (
              <Text className={n.read ? 'muted' : 'care__due'}>{n.read ? '已读' : '未读'}</Text>
            ) : (
              <Text className="muted">
                {n.published
                  ? `已读 ${n.receipts?.read ?? 0}/${n.receipts?.targeted ?? 0} 户`
                  : '待发布'}
              </Text>
            )}
          </View>
          <Text className="muted">{`${n.kindLabel} · ${n.targetLabel} · ${formatTime(n.publishAt)}`}</Text>
          {open === n.id ? <Text>{n.body}</Text> : null}
          {open === n.id && !resident
            ? (receipts[n.id] ?? []).map((r) => (
                <View key={r.householdId} className="care__row">
                  <Text>{r.householdLabel}</Text>
                  <Text className={r.read ? 'care__ok' : 'care__warn'}>
                    {r.read ? `${r.readByName ?? ''} 已读` : '未读'}
                  </Text>
                </View>
              ))
            : null}
        </View>
      ))}
      <ListEnd list={list} />
    </View>
  );
}
