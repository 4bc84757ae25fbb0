import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AppMetaDto, ROLE_LABELS, Role } from '@linli/contracts';
import { DemoClock } from '../../components/demo-clock';
import { api } from '../../services/api';
import { INBOX_PAGE, JOIN_HOUSEHOLD_PAGE, LOGIN_PAGE, MY_HOUSEHOLD_PAGE, ROOMS_PAGE } from '../../services/routes';
import { useUnread } from '../../services/use-unread';
import { session } from '../../services/session';
import { useRequiredUser } from '../../services/use-session';

export default function MePage() {
  const user = useRequiredUser();
  const [meta, setMeta] = useState<AppMetaDto | null>(null);
  useDidShow(() => {
    api.meta().then(setMeta, () => setMeta(null));
  });
  const hotline = meta?.hotline;
  const unread = useUnread(user !== null);
  if (!user) return <View className='page' />;
  const logout = () => {
    session.clear();
    void Taro.reLaunch({ url: LOGIN_PAGE });
  };
  return (
    <View className='page'>
      <CellGroup>
        <Cell title={user.name} description={ROLE_LABELS[user.role]} />
        {user.household ? <Cell title='房屋' extra={`${user.household.communityName} ${user.household.roomLabel}`} /> : null}
        {user.role === Role.Resident ? (
          user.household ? (
            <Cell title='我的房屋' extra='成员 · 管家 · 邀请' clickable onClick={() => void Taro.navigateTo({ url: MY_HOUSEHOLD_PAGE })} />
          ) : (
            <Cell title='绑定房屋' extra='输入邀请码' clickable onClick={() => void Taro.navigateTo({ url: JOIN_HOUSEHOLD_PAGE })} />
          )
        ) : (
          <Cell title='住户档案' extra='楼栋 · 房屋 · 备注' clickable onClick={() => void Taro.navigateTo({ url: ROOMS_PAGE })} />
        )}
        <Cell title='消息中心' extra={unread > 0 ? `${unread} 条未读` : ''} clickable onClick={() => void Taro.navigateTo({ url: INBOX_PAGE })} />
        {hotline ? (
          <Cell title='物业服务热线' extra={hotline} clickable onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline })} />
        ) : null}
      </CellGroup>
      {meta?.demoMode ? <DemoClock /> : null}
      <Button block onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}
