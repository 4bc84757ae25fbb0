import { Text, View } from '@tarojs/components';
import { MOVE_OUT_SCOPE_LABELS, ReleaseSlipDto } from '@linli/contracts';
import { formatTime } from '../services/app/format';
import './slip-card.scss';

/** What a release slip says: room, date, items, who carries; the guard and the resident read the same. */
export function SlipDetails({ slip }: { slip: ReleaseSlipDto }) {
  return (
    <View className="slip">
      <Row label="房屋" value={`${slip.communityName} ${slip.roomLabel}`} />
      <Row label="搬出" value={`${slip.moveDate} · ${MOVE_OUT_SCOPE_LABELS[slip.scope]}`} />
      <Row label="物品" value={slip.items.join('、')} />
      <Row label="搬运人" value={`${slip.carrierName} ${slip.carrierPhone}`} />
      {slip.vehiclePlate ? <Row label="车牌" value={slip.vehiclePlate} /> : null}
      <Row label="有效期至" value={formatTime(slip.validUntil)} />
      <Row label="批准" value={`${slip.approvedBy} · ${formatTime(slip.issuedAt)}`} />
      {slip.used ? (
        <Row label="已放行" value={`${slip.used.name} · ${formatTime(slip.used.at)}`} />
      ) : null}
    </View>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="slip__row">
      <Text className="slip__label">{label}</Text>
      <Text className="slip__value">{value}</Text>
    </View>
  );
}
