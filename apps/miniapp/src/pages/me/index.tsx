import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AppMetaDto, ROLE_LABELS, Role } from '@linli/contracts';
import { ContactButton } from '../../components/contact-button';
import { DemoClock } from '../../components/demo-clock';
import { MenuList } from '../../components/menu-list';
import { MENU_ICONS } from '../../components/menu-icons';
import { api } from '../../services/api/api';
import { LOGIN_PAGE } from '../../services/app/routes';
import { useUnread } from '../../services/app/use-unread';
import { session } from '../../services/session/session';
import { useRequiredUser } from '../../services/session/use-session';
import { ME_GROUPS, showsDemoClock, visibleGroups } from './menu';
import './index.scss';

/** 我的: who you are, then the groups of ME_GROUPS this person sees, the demo clock for staff, sign-out. */
export default function MePage() {
  const user = useRequiredUser({ refresh: true });
  const [meta, setMeta] = useState<AppMetaDto | null>(null);
  useDidShow(() => {
    api.meta().then(setMeta, () => setMeta(null));
  });
  const unread = useUnread(user !== null && user.role !== Role.Guard);
  if (!user) return <View className="page" />;
  const hotline = meta?.hotline ?? null;
  const groups = visibleGroups(ME_GROUPS, {
    role: user.role,
    bound: user.household !== null,
    unread,
    hotline,
  });
  const logout = () => {
    session.clear();
    void Taro.reLaunch({ url: LOGIN_PAGE });
  };
  return (
    <View className="page me">
      <View className="me__profile card">
        <View className="me__avatar">{user.name.slice(0, 1)}</View>
        <View className="me__who">
          <Text className="me__name">{user.name}</Text>
          <Text className="muted me__line">{ROLE_LABELS[user.role]}</Text>
          {user.household ? (
            <Text className="muted me__line">{`${user.household.communityName} ${user.household.roomLabel}`}</Text>
          ) : null}
        </View>
      </View>
      <MenuList
        sections={groups.map((g) => ({
          key: g.key,
          title: g.title,
          rows: g.entries.map((e) => ({
            key: e.key,
            title: e.title,
            icon: MENU_ICONS[e.icon],
            color: e.color,
            value: e.value,
            badge: e.badge,
            onClick: () => {
              if (typeof e.to === 'string') void Taro.navigateTo({ url: e.to });
              else if (hotline) void Taro.makePhoneCall({ phoneNumber: hotline });
            },
          })),
        }))}
      />
      {user.role === Role.Resident ? (
        <View className="me__contact">
          <Text className="menu-list__title">客服</Text>
          <ContactButton sessionFrom="me" hint="报修 · 咨询 · 评价" />
        </View>
      ) : null}
      {showsDemoClock(user.role, meta?.demoMode ?? false) ? (
        <View className="me__demo">
          <Text className="me__demo-title">演示工具 · 仅演示版本可见</Text>
          <DemoClock />
        </View>
      ) : null}
      <Button block className="me__logout" onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}
