import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { APPLY_HOUSEHOLD_PAGE, JOIN_HOUSEHOLD_PAGE } from '../services/app/routes';
import './newcomer-card.scss';

interface Props {
  /** The company's 24 h hotline; the emergency line is hidden only when the company has none. */
  hotline: string | null;
  /** Said first: why they are seeing this (e.g. 报事前请先绑定房屋). */
  lead: string;
  /** They already applied: offer to look at the application instead of a second one. */
  applied?: boolean;
}

/**
 * What someone without a room can do, said before they type anything: bind with the code from the owner
 * or the office, apply to join a room, or, for an emergency, call the 24 h hotline in one tap.
 */
export function NewcomerCard({ hotline, lead, applied }: Props) {
  return (
    <View className="newcomer card">
      <Text className="newcomer__lead">{lead}</Text>
      <Text className="muted">
        有邀请码（向业主或物业服务中心索取）可立即绑定；没有邀请码可申请加入，由业主（租户还需物业）审核。
      </Text>
      <View className="newcomer__actions">
        <Button
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: JOIN_HOUSEHOLD_PAGE })}
        >
          绑定房屋
        </Button>
        <Button block onClick={() => void Taro.navigateTo({ url: APPLY_HOUSEHOLD_PAGE })}>
          {applied ? '查看我的申请' : '申请加入房屋'}
        </Button>
      </View>
      {hotline ? (
        <View
          className="newcomer__emergency"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline })}
        >
          <Text className="newcomer__emergency-title">{`紧急情况？拨打 24 小时热线 ${hotline}`}</Text>
          <Text className="newcomer__emergency-hint">漏水、停电、燃气味、冒烟等，无需绑定房屋</Text>
        </View>
      ) : null}
    </View>
  );
}
