import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  JOIN_APPROVER_LABELS,
  JOIN_REQUEST_STATUS_LABELS,
  JOINABLE_ROLES,
  JoinableRole,
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MEMBER_ROLE_LABELS,
  MemberRole,
} from '@linli/contracts';
import { api } from '../../../services/api/api';
import { ErrorCode } from '@linli/contracts';
import { Chip, ChipChoice } from '../../../components/chips';
import { JoinStatusCard } from '../../../components/join-status-card';
import { formatTime } from '../../../services/app/format';
import { ApiRequestError } from '../../../services/request/http';
import { session } from '../../../services/session/session';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import { useQuery } from '../../../services/request/use-query';
import { NameInput } from '../name-input';
import '../household.scss';

/** Who approves, said before the resident sends the request (joinApprovers). */
const WHO_APPROVES: Record<JoinableRole, string> = {
  [MemberRole.Family]: '家属由业主在小程序中审核。',
  [MemberRole.Tenant]: '租户需业主同意，并经物业服务中心审核。',
  [MemberRole.Relative]: '借住亲属需业主同意，并经物业服务中心审核。',
};

/** 申请加入房屋: pick the building and room (or type it), say who you are; the owner and/or the office approve. */
export default function ApplyHouseholdPage() {
  const [community, setCommunity] = useState<JoinCommunityDto | null>(null);
  const [buildings, setBuildings] = useState<JoinBuildingDto[]>([]);
  const [building, setBuilding] = useState<JoinBuildingDto | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [role, setRole] = useState<JoinableRole>(MemberRole.Tenant);
  const [name, setName] = useState(session.user()?.name ?? '');
  const [phone, setPhone] = useState('');
  const [relationship, setRelationship] = useState('');
  const task = useTask();
  const busy = task.running;
  const mineQuery = useQuery(() => api.myJoinRequests(), [], { pullDown: false });
  const mine = mineQuery.data ?? [];
  const setMine = mineQuery.setData;
  // The application shown on top after sending: the new one, or the earlier one a duplicate ran into.
  const [shown, setShown] = useState<{ id: string; note?: string } | null>(null);

  const openCommunity = async (c: JoinCommunityDto) => {
    setCommunity(c);
    setBuilding(null);
    setRoomId(null);
    await attempt(async () => {
      setBuildings(await api.joinBuildings(c.id));
    });
  };
  // The communities one can apply to; the first is opened unless one is chosen already.
  const communities =
    useQuery(
      async () => {
        const list = await api.joinCommunities();
        if (!community && list[0]) void openCommunity(list[0]);
        return list;
      },
      [],
      { pullDown: false },
    ).data ?? [];
  /** A duplicate request: the earlier one still pending is shown instead (true); anything else, false. */
  const showEarlier = async (err: unknown): Promise<boolean> => {
    if (!(err instanceof ApiRequestError && err.error.code === ErrorCode.JOIN_REQUEST_DUPLICATE))
      return false;
    const earlier = await api.myJoinRequests().catch(() => null);
    const open = earlier?.find(
      (r) =>
        r.status === 'pending' &&
        (roomId ? r.roomLabel === building?.rooms.find((x) => x.id === roomId)?.label : true),
    );
    if (!earlier || !open) return false;
    setMine(earlier);
    setShown({
      id: open.id,
      note: '您已申请过这套房屋，无需重复提交。请等待审核；如需修改，可先撤回再重新申请。',
    });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    return true;
  };

  const submit = async () => {
    if (!roomId && !typed.trim())
      return void Taro.showToast({ title: '请选择或填写房号', icon: 'none' });
    if (!name.trim()) return void Taro.showToast({ title: '请填写姓名', icon: 'none' });
    if (!/^1\d{10}$/.test(phone.trim()))
      return void Taro.showToast({ title: '请填写 11 位手机号', icon: 'none' });
    await task.run(async () => {
      const where = roomId ? { roomId } : { communityId: community?.id, roomLabel: typed.trim() };
      let sent: JoinRequestDto;
      try {
        sent = await api.askToJoin({
          ...where,
          name: name.trim(),
          phone: phone.trim(),
          role,
          relationship: relationship.trim() || undefined,
        });
      } catch (err) {
        if (await showEarlier(err)) return;
        throw err;
      }
      setMine([sent, ...mine]);
      // Sent: the form starts over and the application's state is on top, where the eye goes next.
      setRoomId(null);
      setTyped('');
      setPhone('');
      setRelationship('');
      setShown({ id: sent.id });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      void Taro.showToast({ title: '申请已提交', icon: 'success' });
    });
  };
  const cancel = async (id: string) => {
    await attempt(async () => {
      const updated = await api.cancelJoinRequest(id);
      setMine(mine.map((r) => (r.id === id ? updated : r)));
    });
  };

  const top = shown ? mine.find((r) => r.id === shown.id) : undefined;
  return (
    <View className="page household">
      {top ? <JoinStatusCard request={top} note={shown?.note} /> : null}
      {communities.length > 1 ? (
        <View className="chips">
          {communities.map((c) => (
            <Chip key={c.id} active={c.id === community?.id} onClick={() => void openCommunity(c)}>
              {c.name}
            </Chip>
          ))}
        </View>
      ) : null}
      <View className="card">
        <Text className="section-title">{`选择房屋${community ? ` · ${community.name}` : ''}`}</Text>
        <View className="chips household__chips">
          {buildings.map((b) => (
            <Chip
              key={b.id}
              active={b.id === building?.id}
              onClick={() => (setBuilding(b), setRoomId(null))}
            >
              {b.name}
            </Chip>
          ))}
        </View>
        {building ? (
          <View className="chips household__chips">
            {building.rooms.map((r) => (
              <Chip
                key={r.id}
                active={r.id === roomId}
                onClick={() => (setRoomId(r.id), setTyped(''))}
              >
                {r.label.replace(building.name, '')}
              </Chip>
            ))}
          </View>
        ) : null}
        <Input
          className="household__input"
          value={typed}
          onChange={(v) => (setTyped(v), setRoomId(null))}
          placeholder="找不到？直接填写房号，如 1栋1单元101室"
          maxLength={100}
        />
      </View>
      <View className="card">
        <Text className="section-title">您的身份</Text>
        <ChipChoice
          className="household__chips"
          options={JOINABLE_ROLES}
          value={role}
          label={(r) => MEMBER_ROLE_LABELS[r]}
          onChange={setRole}
        />
        <Text className="muted">{WHO_APPROVES[role]}业主本人请携房产证明到物业服务中心登记。</Text>
        <NameInput value={name} onChange={setName} />
        <Input
          className="household__input"
          value={phone}
          onChange={setPhone}
          placeholder="手机号"
          type="digit"
          maxLength={11}
        />
        <Input
          className="household__input"
          value={relationship}
          onChange={setRelationship}
          placeholder="与业主关系，如 租客、配偶、母亲"
          maxLength={20}
        />
      </View>
      <Button type="primary" block loading={busy} onClick={() => void submit()}>
        提交申请
      </Button>
      {mine.length > 0 ? (
        <View className="card household__requests">
          <Text className="section-title">我的申请</Text>
          {mine.map((r) => (
            <View key={r.id} className="household__request">
              <View className="household__room-row">
                <Text>{`${r.roomLabel} · ${MEMBER_ROLE_LABELS[r.role]}`}</Text>
                <Text className={`household__status household__status--${r.status}`}>
                  {JOIN_REQUEST_STATUS_LABELS[r.status]}
                </Text>
              </View>
              {r.approvals.map((a) => (
                <Text
                  key={a.as}
                  className="muted"
                >{`${JOIN_APPROVER_LABELS[a.as]} ${a.byName} 已同意 · ${formatTime(a.at)}`}</Text>
              ))}
              {r.waitingFor.length > 0 ? (
                <Text className="muted">{`等待${r.waitingFor.map((a) => JOIN_APPROVER_LABELS[a]).join('、')}审核`}</Text>
              ) : null}
              {r.status === 'rejected' ? (
                <Text className="household__reject">{`${r.rejectedByName ?? ''} 未同意：${r.rejectReason ?? ''}`}</Text>
              ) : null}
              {r.status === 'pending' ? (
                <Button size="small" onClick={() => void cancel(r.id)}>
                  撤回申请
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
