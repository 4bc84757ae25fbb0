import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  HouseholdMemberDto,
  InviteDto,
  MEMBER_ROLE_LABELS,
  MemberRole,
  MyHouseholdDto,
  MyHouseholdRefDto,
} from '@linli/contracts';
import { AssistantCard } from '../../../components/assistant-card';
import { MembershipHistory } from '../../../components/membership-history';
import { api } from '../../../services/api/api';
import { formatTime } from '../../../services/app/format';
import {
  APPLY_HOUSEHOLD_PAGE,
  JOIN_APPROVALS_PAGE,
  MOVE_IN_PAGE,
} from '../../../services/app/routes';
import { session } from '../../../services/session/session';
import { attempt } from '../../../services/request/result';
import { useQuery } from '../../../services/request/use-query';
import { QueryStatus } from '../../../components/query-status';
import { Chip } from '../../../components/chips';
import '../household.scss';

/**
 * 我的房屋: the active room's members (numbers masked; a tenant sees only themself), the building's
 * assistant, switching between the caller's rooms, and for owners: invitations, join requests to
 * approve, removing a member and the membership history; 入住登记 for people moving in (with their residence passes).
 */
export default function MyHouseholdPage() {
  // The active room and all of the caller's rooms, loaded together each time the page shows.
  const query = useQuery(async () => {
    const [household, rooms] = await Promise.all([api.myHousehold(), api.myHouseholds()]);
    return { household, rooms };
  }, []);
  const [invite, setInvite] = useState<InviteDto | null>(null);
  const [editing, setEditing] = useState<{
    id: string;
    phone: string;
    relationship: string;
    moveInDate: string;
  } | null>(null);
  const load = query.reload;
  if (!query.data)
    return (
      <View className="page">
        <QueryStatus query={query} />
      </View>
    );
  const { household, rooms } = query.data;
  const setHousehold = (updated: MyHouseholdDto) => query.setData({ household: updated, rooms });
  const owner = household.myRole === MemberRole.Owner;
  const issue = async (role: MemberRole) => {
    await attempt(async () => {
      setInvite(await api.invite(household.id, { role }));
    });
  };
  /** Another of the caller's rooms becomes the active one; the session's profile follows. */
  const switchTo = async (room: MyHouseholdRefDto) => {
    if (room.active) return;
    await attempt(async () => {
      const profile = await api.switchHousehold({ householdId: room.householdId });
      const current = session.get();
      if (current) session.save({ ...current, user: profile });
      setInvite(null);
      await load();
      void Taro.showToast({ title: `已切换到 ${room.roomLabel}`, icon: 'none' });
    });
  };
  const remove = async (m: HouseholdMemberDto) => {
    const { confirm } = await Taro.showModal({
      title: `移除 ${m.name}？`,
      content: '移除后 TA 将不能再以本房屋住户身份使用小程序，记录会保留在房屋档案中。',
      confirmText: '移除',
    });
    if (!confirm) return;
    await attempt(async () => {
      await api.removeMember(household.id, m.id, {});
      void Taro.showToast({ title: `已移除 ${m.name}`, icon: 'none' });
      await load();
    });
  };
  /** An owner edits any member; anyone else only their own entry (numbers of others arrive masked, so they start empty). */
  const startEditing = (m: HouseholdMemberDto) => {
    if (!(owner || m.id === household.myMemberId)) return;
    setEditing(
      editing?.id === m.id
        ? null
        : {
            id: m.id,
            phone: m.phone && !m.phone.includes('*') ? m.phone : '',
            relationship: m.relationship ?? '',
            moveInDate: m.moveInDate ?? '',
          },
    );
  };
  const saveMember = async () => {
    if (!editing) return;
    await attempt(async () => {
      const body = {
        relationship: editing.relationship.trim() || null,
        moveInDate: editing.moveInDate.trim() || null,
        ...(editing.phone.trim() ? { phone: editing.phone.trim() } : {}),
      };
      setHousehold(await api.editMember(editing.id, body));
      setEditing(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    });
  };
  // 个人信息查阅: everything held about the household, copied for the resident to keep.
  const exportData = async () => {
    await attempt(async () => {
      const data = await api.exportHousehold();
      await Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });
      void Taro.showModal({
        title: '已导出',
        content: `已复制 ${data.members.length} 位成员、${data.tickets.length} 张工单、${data.notes.length} 条备注及您的消息记录，可粘贴保存。`,
        showCancel: false,
      });
    });
  };
  return (
    <View className="page household">
      <View className="card">
        <Text className="household__room">{household.roomLabel}</Text>
        <Text className="muted">{household.communityName}</Text>
      </View>
      {rooms.length > 1 ? (
        <View className="card">
          <Text className="section-title">切换房屋</Text>
          <View className="chips household__chips">
            {rooms.map((r) => (
              <Chip key={r.householdId} active={r.active} onClick={() => void switchTo(r)}>
                {`${r.roomLabel}${r.role ? ` · ${MEMBER_ROLE_LABELS[r.role]}` : ''}`}
              </Chip>
            ))}
          </View>
        </View>
      ) : null}
      {owner && household.pendingJoinRequests > 0 ? (
        <View
          className="card household__pending"
          onClick={() => void Taro.navigateTo({ url: JOIN_APPROVALS_PAGE })}
        >
          <Text className="section-title">{`${household.pendingJoinRequests} 个入住申请待我审批`}</Text>
          <Text className="muted">家人、租户申请加入本房屋，需要您同意</Text>
        </View>
      ) : null}
      <CellGroup title={household.myRole === MemberRole.Tenant ? '我的登记信息' : '家庭成员'}>
        {household.members.map((m) => (
          <View key={m.id}>
            <Cell
              clickable={owner || m.id === household.myMemberId}
              onClick={() => startEditing(m)}
              title={`${m.name}（${MEMBER_ROLE_LABELS[m.role]}${m.relationship ? ` · ${m.relationship}` : ''}）`}
              description={
                [m.idNumber, m.residencePass ? `居住证 ${m.residencePass}` : null]
                  .filter(Boolean)
                  .join(' · ') || undefined
              }
              extra={
                owner && m.role !== MemberRole.Owner ? (
                  <View className="household__member-extra">
                    <Text>{m.phone ?? ''}</Text>
                    <Text
                      className="household__remove"
                      onClick={(e) => {
                        e.stopPropagation(); // not also open the member's edit form
                        void remove(m);
                      }}
                    >
                      移除
                    </Text>
                  </View>
                ) : (
                  (m.phone ?? '')
                )
              }
            />
            {editing?.id === m.id ? (
              <View className="household__member-form">
                <Input
                  value={editing.phone}
                  onChange={(phone) => setEditing({ ...editing, phone })}
                  placeholder={
                    m.phone?.includes('*') ? `手机号（现为 ${m.phone}，不改请留空）` : '手机号'
                  }
                />
                <Input
                  value={editing.relationship}
                  onChange={(relationship) => setEditing({ ...editing, relationship })}
                  placeholder="与业主关系，如 配偶、子女"
                />
                <Input
                  value={editing.moveInDate}
                  onChange={(moveInDate) => setEditing({ ...editing, moveInDate })}
                  placeholder="入住日期，如 2026-11-01"
                />
                <Text className="muted">姓名、身份和证件号码请到物业服务中心核对证件后修改</Text>
                <Button size="small" type="primary" onClick={() => void saveMember()}>
                  保存
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </CellGroup>
      <Text className="household__section">我的管家</Text>
      {household.assistants.map((a) => (
        <AssistantCard key={a.id} card={a} />
      ))}
      <Button block onClick={() => void exportData()}>
        导出我的数据（个人信息查阅）
      </Button>
      {owner ? (
        <View className="card household__invite">
          <Text className="section-title">邀请家人或租户绑定房屋</Text>
          <View className="household__invite-buttons">
            <Button onClick={() => void issue(MemberRole.Family)}>邀请家人</Button>
            <Button onClick={() => void issue(MemberRole.Tenant)}>邀请租户</Button>
          </View>
          {invite ? (
            <View className="household__code">
              <Text className="household__code-value">{invite.code}</Text>
              <Text className="muted">
                {MEMBER_ROLE_LABELS[invite.role]}邀请码，{formatTime(invite.expiresAt)}{' '}
                前有效，仅可使用一次
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {owner ? <MembershipHistory events={household.history} /> : null}
      <View className="household__actions">
        <Button block onClick={() => void Taro.navigateTo({ url: MOVE_IN_PAGE })}>
          入住登记（家人、租户、借住亲属搬入）
        </Button>
        <Button block onClick={() => void Taro.navigateTo({ url: APPLY_HOUSEHOLD_PAGE })}>
          申请加入其他房屋
        </Button>
      </View>
    </View>
  );
}
