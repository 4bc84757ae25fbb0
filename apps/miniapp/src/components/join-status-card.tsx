import { Text, View } from '@tarojs/components';
import { JoinRequestDto, MEMBER_ROLE_LABELS } from '@linli/contracts';
import { formatTime } from '../services/app/format';
import { joinStage } from '../services/households/join-stage';
import './join-status-card.scss';

/** The applicant's application to join a room: which room, as whom, where it stands and what happens next. */
export function JoinStatusCard({ request, note }: { request: JoinRequestDto; note?: string }) {
  const stage = joinStage(request);
  return (
    <View className={`join-status card join-status--${stage.tone}`}>
      <View className="join-status__head">
        <Text className="join-status__title">入住申请</Text>
        <Text className={`join-status__tag join-status__tag--${stage.tone}`}>{stage.label}</Text>
      </View>
      <Text className="join-status__room">{`${request.communityName} ${request.roomLabel} · ${MEMBER_ROLE_LABELS[request.role]}`}</Text>
      <Text className="join-status__detail">{stage.detail}</Text>
      {request.approvals.map((a) => (
        <Text
          key={a.as}
          className="muted"
        >{`${a.as === 'owner' ? '业主' : '物业'} ${a.byName} 已同意 · ${formatTime(a.at)}`}</Text>
      ))}
      <Text className="muted">{`提交于 ${formatTime(request.createdAt)}`}</Text>
      {note ? <Text className="join-status__note">{note}</Text> : null}
    </View>
  );
}
