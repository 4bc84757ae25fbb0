import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  AudiencePreviewDto,
  AudienceSegment,
  CampaignDto,
  CampaignRecipientDto,
  CareCalendarEntryDto,
  RecipientStatus,
} from '@linli/contracts';
import { AUDIENCE_SEGMENT_LABELS } from '@linli/domain';
import { api } from '../../../services/api/api';
import { careApi } from '../../../services/api/care-api';
import { useRequiredUser } from '../../../services/session/use-session';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { ListEnd } from '../../../components/load-more';
import { Chip, ChipSet, toggled } from '../../../components/chips';
import { attempt } from '../../../services/request/result';
import { useAction } from '../../../services/request/use-action';
import { useQuery } from '../../../services/request/use-query';
import { CampaignCard } from './campaign-card';
import { GREETINGS, md } from './planner-format';
import '../care.scss';

const SEGMENTS = Object.values(AudienceSegment);
/**
 * 节日关怀 (supervisor): the year's care calendar with what is due for planning, a campaign planner
 * (audience with its size and the households the timing guard holds back, greeting, channels, gift),
 * and each campaign's progress and coverage against 98%, with the skipped list to send later.
 */
export default function CarePlannerPage() {
  const user = useRequiredUser();
  const communityId = user?.communityId ?? '';
  const [entry, setEntry] = useState<CareCalendarEntryDto | null>(null);
  const [segments, setSegments] = useState<AudienceSegment[]>([AudienceSegment.Elderly]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [greeting, setGreeting] = useState('');
  const [channels, setChannels] = useState({ card: true, wechat: true, visit: false });
  const [giftName, setGiftName] = useState('');
  const [giftStock, setGiftStock] = useState('');
  const [preview, setPreview] = useState<AudiencePreviewDto | null>(null);
  const [skipped, setSkipped] = useState<Record<string, CampaignRecipientDto[]>>({});
  const [year, setYear] = useState<number | undefined>(undefined);

  // The campaigns grow with the years: newest first, a page at a time (the next on scroll, <LoadMore> at the end).
  const campaignList = usePagedList<CampaignDto>(
    (cursor) => careApi.campaigns(communityId, cursor),
    (c) => c.id,
    [communityId],
    { enabled: communityId !== '' },
  );
  const campaigns = campaignList.items;
  const calendarQuery = useQuery(() => careApi.calendar(communityId, year), [communityId, year], {
    enabled: communityId !== '',
  });
  const calendar = calendarQuery.data;
  const buildings = useQuery(() => api.buildings(), [], { pullDown: false }).data ?? [];
  /** After an action: the calendar (its planned marks) and the campaigns from their first page. */
  const refresh = () => Promise.all([calendarQuery.reload(), campaignList.reload()]);

  const audience = () => ({ buildingIds: chosen, segments });
  const plan = (e: CareCalendarEntryDto) => {
    setEntry(e);
    setPreview(null);
    setGreeting(GREETINGS[e.occasion] ?? `${e.name}快乐！物业服务中心祝您和家人节日愉快。`);
    if (e.occasion === 'double_ninth' || e.occasion === 'mid_autumn')
      setSegments([AudienceSegment.Elderly]);
    else setSegments([]);
  };

  const runPreview = async () => {
    if (!entry) return;
    await attempt(async () => {
      setPreview(
        await careApi.preview({ communityId, audience: audience(), occasionDate: entry.date }),
      );
    });
  };
  const creating = useAction(async (body: Parameters<typeof careApi.createCampaign>[0]) => {
    const created = await careApi.createCampaign(body);
    await careApi.send(created.id);
  });

  const submit = async () => {
    if (!entry) return;
    const stock = giftName.trim() ? Number(giftStock) : 0;
    if (giftName.trim() && !(stock > 0))
      return void Taro.showToast({ title: '请填写礼品数量', icon: 'none' });
    const sent = await creating.run({
      communityId,
      occasion: entry.occasion,
      title: entry.name,
      occasionDate: entry.date,
      audience: audience(),
      greeting: greeting.trim(),
      channels,
      gift: giftName.trim() ? { name: giftName.trim(), stock } : null,
    });
    if (!sent.ok) return;
    setEntry(null);
    setGiftName('');
    setGiftStock('');
    void Taro.showToast({ title: '已安排发送，稍后查看进度', icon: 'none' });
    await refresh();
  };

  const sendDraft = async (c: CampaignDto) => {
    const { confirm } = await Taro.showModal({
      title: `发送「${c.title}」关怀`,
      content: '将在后台分批发送，可随时查看进度。',
    });
    if (!confirm) return;
    await attempt(async () => {
      await careApi.send(c.id);
      await refresh();
    });
  };
  const cancelDraft = async (c: CampaignDto) => {
    const { confirm } = await Taro.showModal({
      title: '取消关怀活动',
      content: `确定取消「${c.title}」吗？`,
    });
    if (!confirm) return;
    await attempt(async () => {
      await careApi.cancel(c.id);
      await refresh();
    });
  };

  const showSkipped = async (c: CampaignDto) => {
    await attempt(async () => {
      const rows = await careApi.recipients(c.id, RecipientStatus.Skipped);
      setSkipped({ ...skipped, [c.id]: rows });
    });
  };
  const resend = async (c: CampaignDto) => {
    const { confirm } = await Taro.showModal({
      title: '补发暂缓住户',
      content: '将再次检查投诉与装修情况，原因已消除的住户会收到问候。',
    });
    if (!confirm) return;
    await attempt(async () => {
      await careApi.resendSkipped(c.id);
      setSkipped({ ...skipped, [c.id]: [] });
      await refresh();
    });
  };

  return (
    <View className="page care">
      <View className="care__row section-title">
        <Text>{calendar ? `${calendar.year} 年关怀日历` : '关怀日历'}</Text>
        {calendar ? (
          <Text
            className="care__link"
            onClick={() =>
              setYear(
                calendar.year === new Date().getFullYear() ? calendar.year + 1 : calendar.year - 1,
              )
            }
          >
            {calendar.year === new Date().getFullYear() ? '看明年' : '回今年'}
          </Text>
        ) : null}
      </View>
      <View className="card care__item">
        {!calendar ? <Text className="muted">加载中…</Text> : null}
        {(calendar?.entries ?? []).map((e) => {
          const due = calendar?.toPlan.some((p) => p.occasion === e.occasion && p.date === e.date);
          return (
            <View
              key={`${e.occasion}-${e.date}-${e.name}`}
              className="care__row"
              onClick={() => plan(e)}
            >
              <Text>{`${e.name} · ${md(e.date)}${e.lunar ? '（农历）' : ''}`}</Text>
              {e.campaignIds.length > 0 ? (
                <Text className="care__ok">已安排</Text>
              ) : due ? (
                <Button size="small" type="primary">
                  待策划
                </Button>
              ) : (
                <Text className="muted">策划</Text>
              )}
            </View>
          );
        })}
      </View>

      {entry ? (
        <View className="card care__item">
          <Text className="care__title">{`策划「${entry.name}」关怀（${md(entry.date)}）`}</Text>
          <Text className="muted">关怀对象（可多选，同时满足）</Text>
          <View className="chips">
            {SEGMENTS.map((s) => (
              <Chip
                key={s}
                active={segments.includes(s)}
                onClick={() => {
                  setSegments(toggled(segments, s));
                  setPreview(null);
                }}
              >
                {AUDIENCE_SEGMENT_LABELS[s]}
              </Chip>
            ))}
          </View>
          <Text className="muted">楼栋（不选为全小区）</Text>
          <ChipSet
            items={buildings}
            chosen={chosen}
            onChange={(ids) => {
              setChosen(ids);
              setPreview(null);
            }}
          />
          <Text className="muted">关怀方式</Text>
          <View className="chips">
            {(
              [
                ['card', '小程序贺卡'],
                ['wechat', '微信消息'],
                ['visit', '管家上门'],
              ] as const
            ).map(([k, label]) => (
              <Chip
                key={k}
                active={channels[k]}
                onClick={() => setChannels({ ...channels, [k]: !channels[k] })}
              >
                {label}
              </Chip>
            ))}
          </View>
          <TextArea
            value={greeting}
            onChange={setGreeting}
            placeholder="祝福语"
            maxLength={500}
            rows={3}
          />
          <Input
            value={giftName}
            onChange={setGiftName}
            placeholder="礼品（选填），如 月饼礼盒"
            maxLength={40}
          />
          {giftName.trim() ? (
            <Input
              value={giftStock}
              onChange={setGiftStock}
              type="digit"
              placeholder="礼品数量（份）"
              maxLength={6}
            />
          ) : null}
          <Button block onClick={() => void runPreview()}>
            查看覆盖人数
          </Button>
          {preview ? (
            <View className="care__item">
              <Text>{`共 ${preview.targeted} 户，其中 ${preview.skipped.length} 户暂缓发送`}</Text>
              {preview.skipped.map((s) => (
                <Text
                  key={s.householdId}
                  className="care__due"
                >{`${s.label}：${s.reasonLabel}`}</Text>
              ))}
            </View>
          ) : null}
          <Button type="primary" block loading={creating.running} onClick={() => void submit()}>
            保存并发送
          </Button>
        </View>
      ) : null}

      <Text className="section-title">关怀活动</Text>
      {campaigns && campaigns.length === 0 ? (
        <Text className="muted">还没有关怀活动，从上方日历开始策划</Text>
      ) : null}
      {(campaigns ?? []).map((c) => (
        <CampaignCard
          key={c.id}
          c={c}
          skipped={skipped[c.id] ?? []}
          onSend={() => void sendDraft(c)}
          onCancel={() => void cancelDraft(c)}
          onShowSkipped={() => void showSkipped(c)}
          onResend={() => void resend(c)}
        />
      ))}
      <ListEnd list={campaignList} />
    </View>
  );
}
