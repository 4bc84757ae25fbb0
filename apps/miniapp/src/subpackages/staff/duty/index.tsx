import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { DutyShiftDto, Role } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { chinaInputToIso, formatTime } from '../../../services/app/format';
import { useAction } from '../../../services/request/use-action';
import { useQuery } from '../../../services/request/use-query';
import { useRequiredUser } from '../../../services/session/use-session';
import { Chip } from '../../../components/chips';
import '../staff.scss';

/**
 * 值班表: who is on duty for which building (the 24 h lobby duty). New tickets of a building go to
 * whoever is on duty there. The supervisor plans shifts; assistants read the rota.
 */
export default function DutyPage() {
  const user = useRequiredUser();
  const canPlan = user?.role === Role.Supervisor;
  const [buildingId, setBuildingId] = useState('');
  const [assistantId, setAssistantId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const shifts = useQuery(() => api.dutyShifts(), []);
  const buildings = useQuery(() => api.buildings(), [], { enabled: canPlan });
  const assistants = useQuery(() => api.communityAssistants(), [], { enabled: canPlan });

  const create = useAction(api.createDutyShift, {
    success: '已排班',
    then: () => {
      setFrom('');
      setTo('');
      return shifts.reload();
    },
  });
  const add = () => {
    const startsAt = chinaInputToIso(from);
    const endsAt = chinaInputToIso(to);
    if (!buildingId || !assistantId)
      return void Taro.showToast({ title: '请选择楼栋和礼宾助理', icon: 'none' });
    if (!startsAt || !endsAt)
      return void Taro.showToast({
        title: '请按 2026-11-24 08:00 的格式填写起止时间',
        icon: 'none',
      });
    void create.run({ buildingId, assistantId, startsAt, endsAt });
  };
  const removal = useAction(api.removeDutyShift, { then: () => shifts.reload() });
  const remove = async (s: DutyShiftDto) => {
    const { confirm } = await Taro.showModal({
      title: '删除班次',
      content: `${s.buildingName} ${s.assistantName} ${formatTime(s.startsAt)} 的班次将删除，确定吗？`,
    });
    if (confirm) await removal.run(s.id);
  };

  return (
    <View className="page page--wide staff">
      {canPlan ? (
        <View className="card staff__item">
          <Text className="staff__title">排班</Text>
          <View className="chips">
            {(buildings.data ?? []).map((b) => (
              <Chip key={b.id} active={b.id === buildingId} onClick={() => setBuildingId(b.id)}>
                {b.name}
              </Chip>
            ))}
          </View>
          <View className="chips">
            {(assistants.data ?? []).map((a) => (
              <Chip key={a.id} active={a.id === assistantId} onClick={() => setAssistantId(a.id)}>
                {a.name}
              </Chip>
            ))}
          </View>
          <Input
            value={from}
            onChange={setFrom}
            placeholder="开始，如 2026-11-24 08:00"
            maxLength={16}
          />
          <Input
            value={to}
            onChange={setTo}
            placeholder="结束，如 2026-11-24 20:00"
            maxLength={16}
          />
          <Button type="primary" block loading={create.running} onClick={add}>
            添加班次
          </Button>
        </View>
      ) : null}
      {shifts.data && shifts.data.length === 0 ? (
        <Text className="muted">未来两周没有排班：新报事派给本楼栋在办最少的礼宾助理</Text>
      ) : null}
      {(shifts.data ?? []).map((s) => (
        <View key={s.id} className="card staff__item duty-shift">
          <View className="staff__title">
            <Text>{`${s.buildingName} · ${s.assistantName}`}</Text>
            {s.current ? <Text className="staff__error">值班中</Text> : null}
          </View>
          <Text className="muted">{`${formatTime(s.startsAt)} 至 ${formatTime(s.endsAt)}`}</Text>
          {canPlan ? (
            <View className="staff__buttons">
              <Button size="small" onClick={() => void remove(s)}>
                删除
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
