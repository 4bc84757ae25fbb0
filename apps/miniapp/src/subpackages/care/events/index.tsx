import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import {
  CommunityEventDto,
  EVENT_KIND_LABELS,
  EventKind,
  Role,
  SignupDto,
  SignupStatus,
} from '@linli/contracts';
import { ChipChoice } from '../../../components/chips';
import { QrCode } from '../../../components/qr-code';
import { eventsApi } from '../../../services/api/events-api';
import { chinaInputToIso, formatTime } from '../../../services/app/format';
import { useRequiredUser } from '../../../services/session/use-session';
import { attempt } from '../../../services/request/result';
import '../care.scss';

const KINDS = Object.values(EventKind);

/**
 * 社区活动. Residents sign their household up (confirmed while seats are left, else on the waiting list,
 * which moves up when someone cancels) and show their check-in code at the door. Staff see the sign-ups
 * and check households in by code; the supervisor creates events with a capacity.
 */
export default function EventsPage() {
  const user = useRequiredUser();
  const resident = user?.role === Role.Resident;
  const [items, setItems] = useState<CommunityEventDto[] | null>(null);
  const [signups, setSignups] = useState<Record<string, SignupDto[]>>({});
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [kind, setKind] = useState<EventKind>(EventKind.HealthTalk);
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [capacity, setCapacity] = useState('');

  const load = useCallback(async () => {
    await attempt(async () => {
      setItems(await eventsApi.list());
    });
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const run = async (work: () => Promise<unknown>, done?: string) => {
    await attempt(async () => {
      await work();
      if (done) void Taro.showToast({ title: done, icon: 'none' });
      await load();
    });
  };
  const create = () => {
    const at = chinaInputToIso(startsAt);
    if (!at)
      return void Taro.showToast({ title: '时间请按 2026-11-28 14:00 的格式填写', icon: 'none' });
    void run(async () => {
      await eventsApi.create({
        kind,
        title: title.trim(),
        place: place.trim(),
        startsAt: at,
        capacity: Number(capacity),
      });
      setTitle('');
      setPlace('');
      setStartsAt('');
      setCapacity('');
    }, '活动已发布');
  };
  const showSignups = (e: CommunityEventDto) =>
    void attempt(async () => {
      const rows = await eventsApi.signups(e.id);
      setSignups({ ...signups, [e.id]: rows });
    });
  const checkIn = (e: CommunityEventDto) =>
    void run(async () => {
      await eventsApi.checkIn(e.id, { code: (codes[e.id] ?? '').trim() });
      setCodes({ ...codes, [e.id]: '' });
      void Taro.showToast({ title: '签到成功', icon: 'none' });
      setSignups({ ...signups, [e.id]: await eventsApi.signups(e.id) });
    });

  return (
    <View className="page care">
      {user?.role === Role.Supervisor ? (
        <View className="card care__item">
          <Text className="care__title">发布活动</Text>
          <ChipChoice
            options={KINDS}
            value={kind}
            label={(k) => EVENT_KIND_LABELS[k]}
            onChange={setKind}
          />
          <Input
            value={title}
            onChange={setTitle}
            placeholder="活动名称，如 冬季老年人健康讲座"
            maxLength={60}
          />
          <Input
            value={place}
            onChange={setPlace}
            placeholder="地点，如 社区活动室"
            maxLength={60}
          />
          <Input
            value={startsAt}
            onChange={setStartsAt}
            placeholder="开始时间，如 2026-11-28 14:00"
            maxLength={16}
          />
          <Input
            value={capacity}
            onChange={setCapacity}
            type="digit"
            placeholder="名额（人）"
            maxLength={4}
          />
          <Button type="primary" block onClick={create}>
            发布活动
          </Button>
        </View>
      ) : null}
      {items === null ? <Text className="muted">加载中…</Text> : null}
      {items && items.length === 0 ? <Text className="muted">近期没有社区活动</Text> : null}
      {(items ?? []).map((e) => (
        <View key={e.id} className="card care__item event-item">
          <View className="care__title">
            <Text>{e.title}</Text>
            <Text className="muted">{e.kindLabel}</Text>
          </View>
          <Text className="muted">{`${formatTime(e.startsAt)} · ${e.place}`}</Text>
          <Text>{`名额 ${e.confirmed}/${e.capacity}${e.waitlisted ? ` · 候补 ${e.waitlisted} 户` : ''}${e.attended ? ` · 已签到 ${e.attended} 户` : ''}`}</Text>
          {resident ? (
            e.mine && e.mine.status !== SignupStatus.Cancelled ? (
              <View className="care__item">
                <Text
                  className={e.mine.status === SignupStatus.Waitlisted ? 'care__due' : 'care__ok'}
                >
                  {e.mine.status === SignupStatus.Waitlisted
                    ? `候补第 ${e.mine.waitlistPosition ?? ''} 位，有人取消后自动递补`
                    : e.mine.statusLabel}
                </Text>
                {e.mine.status === SignupStatus.Confirmed && e.mine.code ? (
                  <View className="care__item">
                    <Text>{`签到码 ${e.mine.code}（到场出示）`}</Text>
                    <QrCode text={e.mine.code} size={240} />
                  </View>
                ) : null}
                {e.mine.status !== SignupStatus.Attended ? (
                  <Button
                    size="small"
                    onClick={() => void run(() => eventsApi.cancel(e.id), '已取消报名')}
                  >
                    取消报名
                  </Button>
                ) : null}
              </View>
            ) : (
              <Button
                type="primary"
                size="small"
                onClick={() => void run(() => eventsApi.signUp(e.id), '报名成功')}
              >
                {e.confirmed < e.capacity ? '报名' : '加入候补'}
              </Button>
            )
          ) : (
            <View className="care__item">
              <View className="care__row">
                <Input
                  value={codes[e.id] ?? ''}
                  onChange={(v) => setCodes({ ...codes, [e.id]: v })}
                  placeholder="输入签到码"
                  maxLength={6}
                />
                <Button size="small" type="primary" onClick={() => checkIn(e)}>
                  签到
                </Button>
              </View>
              <Text className="care__link" onClick={() => showSignups(e)}>
                查看报名名单
              </Text>
              {(signups[e.id] ?? []).map((s) => (
                <View key={s.id} className="care__row">
                  <Text>{`${s.householdLabel} ${s.name}`}</Text>
                  <Text className={s.status === SignupStatus.Attended ? 'care__ok' : 'muted'}>
                    {s.statusLabel}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
