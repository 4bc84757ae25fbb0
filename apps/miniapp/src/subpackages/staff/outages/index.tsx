import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { BuildingDto, OutageKindName, OutageNoticeDto, Role } from '@linli/contracts';
import { OUTAGE_KIND_LABELS } from '@linli/domain';
import { ChipChoice, ChipSet } from '../../../components/chips';
import { ListEnd } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { chinaInputToIso, formatTime } from '../../../services/app/format';
import { useRequiredUser } from '../../../services/session/use-session';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import '../staff.scss';

const KINDS: OutageKindName[] = ['water', 'power'];

/**
 * 停水停电通知: planned cuts of the community. The supervisor announces one to the residents of some or
 * all buildings; during it, reports of the cut are linked here instead of dispatched one by one; when
 * supply is back, 已恢复 closes them and tells everyone. Assistants read it.
 */
export default function OutagesPage() {
  const user = useRequiredUser();
  const canAnnounce = user?.role === Role.Supervisor || user?.role === Role.Admin;
  const buildings = useQuery<BuildingDto[]>(() => api.buildings(), [], { enabled: canAnnounce });
  const [kind, setKind] = useState<OutageKindName>('water');
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const task = useTask();
  const busy = task.running;

  // Active cuts come whole with the first page; closed ones follow as the list is scrolled.
  const list = usePagedList<OutageNoticeDto>(
    (cursor) => api.outages(cursor),
    (o) => o.id,
    [],
  );
  const items = list.items;
  const load = list.reload;

  const announce = async () => {
    const startsAt = chinaInputToIso(from);
    const endsAt = chinaInputToIso(to);
    if (!startsAt || !endsAt)
      return void Taro.showToast({
        title: '请按 2026-11-24 09:00 的格式填写起止时间',
        icon: 'none',
      });
    if (!title.trim()) return void Taro.showToast({ title: '请填写标题', icon: 'none' });
    await task.run(async () => {
      await api.createOutage({
        kind,
        title: title.trim(),
        body: body.trim(),
        buildingIds: chosen,
        startsAt,
        endsAt,
      });
      setTitle('');
      setBody('');
      setFrom('');
      setTo('');
      setChosen([]);
      void Taro.showToast({ title: '已发布，住户已收到通知', icon: 'none' });
      await load();
    });
  };
  const close = async (o: OutageNoticeDto) => {
    const { confirm } = await Taro.showModal({
      title: `${OUTAGE_KIND_LABELS[o.kind]}已恢复`,
      content: `关联的 ${o.linkedTickets} 条报事将一并关闭，并通知住户。确定吗？`,
    });
    if (!confirm) return;
    await attempt(async () => {
      await api.closeOutage(o.id, {});
      await load();
    });
  };

  return (
    <View className="page staff">
      {canAnnounce ? (
        <View className="card staff__item">
          <Text className="staff__title">发布计划停水停电</Text>
          <ChipChoice
            options={KINDS}
            value={kind}
            label={(k) => OUTAGE_KIND_LABELS[k]}
            onChange={setKind}
          />
          <Text className="muted">涉及楼栋（不选为全小区）</Text>
          <ChipSet items={buildings.data ?? []} chosen={chosen} onChange={setChosen} />
          <Input
            value={title}
            onChange={setTitle}
            placeholder="标题，如 二次供水水箱清洗"
            maxLength={60}
          />
          <Input
            value={from}
            onChange={setFrom}
            placeholder="开始，如 2026-11-24 09:00"
            maxLength={16}
          />
          <Input
            value={to}
            onChange={setTo}
            placeholder="结束，如 2026-11-24 18:00"
            maxLength={16}
          />
          <TextArea
            value={body}
            onChange={setBody}
            placeholder="通知内容（如请提前储水）"
            maxLength={500}
            rows={2}
          />
          <Button type="primary" block loading={busy} onClick={() => void announce()}>
            发布并通知住户
          </Button>
        </View>
      ) : null}
      {items && items.length === 0 ? <Text className="muted">没有停水停电通知</Text> : null}
      {(items ?? []).map((o) => (
        <View key={o.id} className="card staff__item outage-item">
          <View className="staff__title">
            <Text>{`${OUTAGE_KIND_LABELS[o.kind]} · ${o.title}`}</Text>
            <Text className={o.status === 'active' ? 'staff__error' : 'muted'}>
              {o.status === 'active' ? '进行中' : '已恢复'}
            </Text>
          </View>
          <Text>{`${formatTime(o.startsAt)} 至 ${formatTime(o.endsAt)} · ${o.buildingNames.length > 0 ? o.buildingNames.join('、') : '全小区'}`}</Text>
          <Text className="muted">{`关联报事 ${o.linkedTickets} 条${o.closeNote ? ` · ${o.closeNote}` : ''}`}</Text>
          {canAnnounce && o.status === 'active' ? (
            <View className="staff__buttons">
              <Button size="small" type="primary" onClick={() => void close(o)}>
                {`${OUTAGE_KIND_LABELS[o.kind]}已恢复`}
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <ListEnd list={list} />
    </View>
  );
}
