import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ROLE_LABELS } from '@linli/contracts';
import { api } from '../../services/api';
import { LOGIN_PAGE } from '../../services/routes';
import { session } from '../../services/session';
import { useRequiredUser } from '../../services/use-session';

export default function MePage() {
  const user = useRequiredUser();
  const [hotline, setHotline] = useState<string | null>(null);
  useDidShow(() => {
    api.meta().then((m) => setHotline(m.hotline), () => setHotline(null));
  });
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
        {hotline ? (
          <Cell title='物业服务热线' extra={hotline} clickable onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline })} />
        ) : null}
      </CellGroup>
      <Button block onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}
