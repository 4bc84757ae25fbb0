import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AppMetaDto, ROLE_LABELS } from '@linli/contracts';
import { DemoClock } from '../../components/demo-clock';
import { api } from '../../services/api';
import { INBOX_PAGE, LOGIN_PAGE } from '../../services/routes';
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
