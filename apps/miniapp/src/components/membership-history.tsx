import { Text, View } from '@tarojs/components';
import {
  JOIN_APPROVER_LABELS,
  MEMBER_ROLE_LABELS,
  MEMBERSHIP_ACTION_LABELS,
  MembershipEventDto,
} from '@linli/contracts';
import { formatTime } from '../services/app/format';
import './membership-history.scss';

/** The household's membership history: who asked, approved, rejected, joined or was removed, by whom and when. */
export function MembershipHistory({ events }: { events: MembershipEventDto[] }) {
  return (
    <View className="card membership-history">
      <Text className="section-title">成员变动记录</Text>
      {events.length === 0 ? <Text className="muted">暂无记录</Text> : null}
      {events.map((e) => (
        <View key={e.id} className="membership-history__item">
          <Text>
            {`${MEMBERSHIP_ACTION_LABELS[e.action]}：${e.subjectName}（${MEMBER_ROLE_LABELS[e.subjectRole]}）`}
            {e.actorName && e.action !== 'requested' && e.action !== 'cancelled'
              ? ` · ${e.as ? JOIN_APPROVER_LABELS[e.as] : ''}${e.actorName}`
              : ''}
          </Text>
          {e.note ? <Text className="membership-history__note">{e.note}</Text> : null}
          <Text className="muted">{formatTime(e.at)}</Text>
        </View>
      ))}
    </View>
  );
}
