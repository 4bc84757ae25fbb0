import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { InviteDto, MEMBER_ROLE_LABELS, MemberRole, MyHouseholdDto } from '@linli/contracts';
import { api } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { showError } from '../../../services/http';
import '../household.scss';

/** 我的房屋: the household's members (numbers masked), the building's assistant, and inviting family or a tenant. */
export default function MyHouseholdPage() {
  const [household, setHousehold] = useState<MyHouseholdDto | null>(null);
  const [invite, setInvite] = useState<InviteDto | null>(null);
  useDidShow(() => {
    api.myHousehold().then(setHousehold, showError);
  });
  if (!household) return <View className='page' />;
  const owner = household.myRole === MemberRole.Owner;
  const issue = async (role: MemberRole) => {
    try {
      setInvite(await api.invite(household.id, { role }));
    } catch (err) {
      showError(err);
    }
  };
  // 个人信息查阅: everything held about the household, copied for the resident to keep.
  const exportData = async () => {
    try {
      const data = await api.exportHousehold();
      await Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });
      void Taro.showModal({ title: '已导出', content: `已复制 ${data.members.length} 位成员、${data.tickets.length} 张工单、${data.notes.length} 条备注及您的消息记录，可粘贴保存。`, showCancel: false });
    } catch (err) {
      showError(err);
    }
  };
  return (
    <View className='page household'>
      <View className='card'>
        <Text className='household__room'>{household.roomLabel}</Text>
        <Text className='muted'>{household.communityName}</Text>
      </View>
      <CellGroup title='家庭成员'>
        {household.members.map((m) => (
          <Cell key={m.id} title={`${m.name}（${MEMBER_ROLE_LABELS[m.role]}${m.relationship ? ` · ${m.relationship}` : ''}）`} description={m.idNumber ?? undefined} extra={m.phone ?? ''} />
        ))}
      </CellGroup>
      <CellGroup title='我的管家'>
        {household.assistants.map((a) => (
          <Cell key={a.id} title={a.name} extra={a.phone ? `致电 ${a.phone}` : ''} clickable onClick={() => a.phone && void Taro.makePhoneCall({ phoneNumber: a.phone })} />
        ))}
      </CellGroup>
      <Button block onClick={() => void exportData()}>
        导出我的数据（个人信息查阅）
      </Button>
      {owner ? (
        <View className='card household__invite'>
          <Text className='section-title'>邀请家人或租户绑定房屋</Text>
          <View className='household__invite-buttons'>
            <Button onClick={() => void issue(MemberRole.Family)}>邀请家人</Button>
            <Button onClick={() => void issue(MemberRole.Tenant)}>邀请租户</Button>
          </View>
          {invite ? (
            <View className='household__code'>
              <Text className='household__code-value'>{invite.code}</Text>
              <Text className='muted'>
                {MEMBER_ROLE_LABELS[invite.role]}邀请码，{formatTime(invite.expiresAt)} 前有效，仅可使用一次
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
