import { Text, View } from '@tarojs/components';
import {
  MEMBER_ROLE_LABELS,
  MOVE_IN_MISSING_LABELS,
  MOVE_IN_PAPER_LABELS,
  MOVE_IN_STATUS_LABELS,
  MoveInDto,
  MoveInOwnerConsent,
  MoveInStatus,
} from '@linli/contracts';
import { formatTime } from '../services/app/format';
import './move-in-card.scss';

const CONSENT_HOW: Record<MoveInOwnerConsent, string> = {
  [MoveInOwnerConsent.Registrant]: '业主本人登记',
  [MoveInOwnerConsent.MiniProgram]: '业主已在小程序同意',
};

/** What a move-in registration says: the people, what is still missing, the consents and the passes issued. */
export function MoveInDetails({ moveIn }: { moveIn: MoveInDto }) {
  return (
    <View className="move-in">
      <View className="move-in__head">
        <Text>{moveIn.roomLabel}</Text>
        <Text className="move-in__status">{MOVE_IN_STATUS_LABELS[moveIn.status]}</Text>
      </View>
      <Text className="muted">{`${moveIn.registrant.name}${moveIn.registrant.atCounter ? '（物业服务中心代办）' : ''} · ${formatTime(moveIn.createdAt)} 登记`}</Text>
      {moveIn.people.map((p) => (
        <View key={p.id} className="move-in__person">
          <Text className="move-in__name">{`${p.name}（${MEMBER_ROLE_LABELS[p.role]}${p.relationship ? ` · ${p.relationship}` : ''}）`}</Text>
          <Text className="muted">{`${p.phone} · ${p.idNumber} · ${p.moveInDate} 入住`}</Text>
          {p.papers.length ? (
            <Text className="muted">{`已查验：${p.papers.map((x) => MOVE_IN_PAPER_LABELS[x]).join('、')}`}</Text>
          ) : null}
          {p.missing.length ? (
            <Text className="move-in__missing">{`尚缺：${p.missing.map((x) => MOVE_IN_MISSING_LABELS[x]).join('、')}`}</Text>
          ) : null}
          {p.residencePass ? (
            <Text className="move-in__pass">{`居住证号 ${p.residencePass}`}</Text>
          ) : null}
        </View>
      ))}
      {moveIn.ownerConsent ? (
        <Text className="muted">{`${CONSENT_HOW[moveIn.ownerConsent.how]} · ${moveIn.ownerConsent.name} ${formatTime(moveIn.ownerConsent.at)}`}</Text>
      ) : null}
      {moveIn.writtenConsent ? (
        <Text className="muted">{`业主书面同意已登记（${moveIn.writtenConsent.note}）· ${moveIn.writtenConsent.name} ${formatTime(moveIn.writtenConsent.at)}`}</Text>
      ) : null}
      {moveIn.decided && moveIn.status === MoveInStatus.Approved ? (
        <Text className="muted">{`审核通过 · ${moveIn.decided.name} ${formatTime(moveIn.decided.at)}`}</Text>
      ) : null}
      {moveIn.rejectReason ? (
        <Text className="move-in__missing">{`未通过原因：${moveIn.rejectReason}`}</Text>
      ) : null}
    </View>
  );
}
