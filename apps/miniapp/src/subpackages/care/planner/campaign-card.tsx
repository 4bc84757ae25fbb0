import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CampaignDto, CampaignRecipientDto, CampaignStatus } from '@linli/contracts';
import { AUDIENCE_SEGMENT_LABELS } from '@linli/domain';
import { md, pct } from './planner-format';

/** One care campaign on 节日关怀: a draft's or scheduled one's actions, a sent one's progress and coverage, its skipped list. */
export function CampaignCard({
  c,
  skipped,
  onSend,
  onCancel,
  onShowSkipped,
  onResend,
}: {
  c: CampaignDto;
  /** The skipped households shown so far (after 暂缓名单). */
  skipped: CampaignRecipientDto[];
  onSend: () => void;
  onCancel: () => void;
  onShowSkipped: () => void;
  onResend: () => void;
}) {
  return (
    <View className="card care__item campaign-item">
      <View className="care__title">
        <Text>{`${c.title} · ${md(c.occasionDate)}`}</Text>
        <Text className={c.status === CampaignStatus.Sending ? 'care__due' : 'muted'}>
          {c.statusLabel}
        </Text>
      </View>
      <Text className="muted">{`${c.audience.segments.map((s) => AUDIENCE_SEGMENT_LABELS[s]).join('、') || '全体住户'}${c.gift ? ` · 礼品：${c.gift.name} ${c.gift.stock} 份` : ''}`}</Text>
      {c.status === CampaignStatus.Draft ||
      c.status === CampaignStatus.Scheduled ||
      c.status === CampaignStatus.Cancelled ? (
        <View className="care__item">
          <Text className="muted">
            {c.status === CampaignStatus.Scheduled && c.sendAt
              ? `定于 ${c.sendAt.slice(0, 10)} 发送`
              : c.greeting}
          </Text>
          {c.status !== CampaignStatus.Cancelled ? (
            <View className="care__buttons">
              {c.status === CampaignStatus.Draft ? (
                <Button size="small" type="primary" onClick={onSend}>
                  发送
                </Button>
              ) : null}
              <Button size="small" onClick={onCancel}>
                取消活动
              </Button>
            </View>
          ) : null}
        </View>
      ) : (
        <View className="care__item">
          <View className="care__row">
            <Text>{`覆盖率 ${pct(c.progress.coverage)}`}</Text>
            <Text
              className={
                c.progress.coverage >= c.progress.coverageTarget ? 'care__ok' : 'care__warn'
              }
            >{`目标 ${pct(c.progress.coverageTarget)}`}</Text>
          </View>
          <View className="care__bar">
            <View
              className="care__bar-fill"
              style={{ width: pct(Math.min(1, c.progress.coverage)) }}
            />
          </View>
          <View className="care__counts">
            {[
              ['目标', c.progress.targeted],
              ['已送达', c.progress.sent],
              ['暂缓', c.progress.skipped],
              ['已读', c.progress.opened],
              ['礼品已发', c.progress.giftsDelivered],
            ].map(([label, n]) => (
              <View key={label} className="care__count">
                <Text className="care__count-value">{n}</Text>
                <Text className="muted">{label}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
      {c.progress.pending > 0 ? (
        <Text className="care__due">{`发送中，还有 ${c.progress.pending} 户`}</Text>
      ) : null}
      {skipped.map((r) => (
        <Text
          key={r.id}
          className="care__due"
        >{`${r.householdLabel}：${r.skipReasonLabel ?? ''}`}</Text>
      ))}
      {c.progress.skipped > 0 ? (
        <View className="care__buttons">
          <Button size="small" onClick={onShowSkipped}>
            暂缓名单
          </Button>
          <Button size="small" type="primary" onClick={onResend}>
            补发暂缓住户
          </Button>
        </View>
      ) : null}
    </View>
  );
}
