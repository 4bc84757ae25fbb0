import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { SLA_MILESTONE_LABELS, SlaLimit, SlaMilestone, SlaPolicyDto } from '@linli/contracts';
import { formatLimit } from '@linli/domain';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { attempt } from '../../../services/request/result';
import { Chip } from '../../../components/chips';
import '../staff.scss';

type Unit = 'minutes' | 'hours' | 'workingDays';
const UNIT_LABELS: Record<Unit, string> = {
  minutes: '分钟',
  hours: '小时',
  workingDays: '个工作日',
};

function toLimit(amount: number, unit: Unit): SlaLimit {
  if (unit === 'workingDays') return { kind: 'workingDays', days: amount };
  return { kind: 'wall', minutes: unit === 'hours' ? amount * 60 : amount };
}

interface Editing {
  code: string;
  milestone: SlaMilestone;
  amount: string;
  unit: Unit;
}

/**
 * 服务时限标准: the limits of docs/domain-rules.md §6 as this company runs them. Everyone on staff reads them; the
 * company admin changes a number (new tickets follow it) or puts a policy back to the default.
 */
export default function SlaPoliciesPage() {
  const [editing, setEditing] = useState<Editing | null>(null);
  const { data: policies, reload: load } = useQuery<SlaPolicyDto[]>(() => api.slaPolicies(), []);

  const save = async () => {
    if (!editing || !policies) return;
    const amount = Number(editing.amount);
    if (!Number.isInteger(amount) || amount < 1)
      return void Taro.showToast({ title: '请填写正整数', icon: 'none' });
    const policy = policies.find((p) => p.code === editing.code)!;
    await attempt(async () => {
      await api.setSlaPolicy(editing.code, {
        milestones: { ...policy.effective, [editing.milestone]: toLimit(amount, editing.unit) },
      });
      setEditing(null);
      void Taro.showToast({ title: '已保存，新报事按此计时', icon: 'none' });
      await load();
    });
  };
  const reset = async (p: SlaPolicyDto) => {
    const { confirm } = await Taro.showModal({
      title: '恢复默认',
      content: `「${p.name}」将恢复为默认时限，确定吗？`,
    });
    if (!confirm) return;
    await attempt(async () => {
      await api.resetSlaPolicy(p.code);
      await load();
    });
  };

  return (
    <View className="page staff">
      {(policies ?? []).map((p) => (
        <View key={p.code} className="card staff__item sla-policy">
          <View className="staff__title">
            <Text>{p.name}</Text>
            {p.overridden ? (
              <Text className="staff__error">公司调整</Text>
            ) : (
              <Text className="muted">默认</Text>
            )}
          </View>
          <Text className="muted">{p.covers}</Text>
          {(Object.entries(p.effective) as [SlaMilestone, SlaLimit][]).map(([m, limit]) => {
            const base = p.defaults[m];
            const changed = !base || JSON.stringify(base) !== JSON.stringify(limit);
            return (
              <View
                key={m}
                className="staff__title"
                onClick={() =>
                  p.canEdit &&
                  setEditing({
                    code: p.code,
                    milestone: m,
                    amount: String(
                      limit.kind === 'workingDays'
                        ? limit.days
                        : limit.minutes % 60 === 0
                          ? limit.minutes / 60
                          : limit.minutes,
                    ),
                    unit:
                      limit.kind === 'workingDays'
                        ? 'workingDays'
                        : limit.minutes % 60 === 0
                          ? 'hours'
                          : 'minutes',
                  })
                }
              >
                <Text>{SLA_MILESTONE_LABELS[m]}</Text>
                <Text
                  className={changed ? 'staff__error' : ''}
                >{`${formatLimit(limit)}${changed && base ? `（默认 ${formatLimit(base)}）` : ''}${p.canEdit ? ' ›' : ''}`}</Text>
              </View>
            );
          })}
          {editing?.code === p.code ? (
            <View className="staff__item">
              <Text>{`修改「${SLA_MILESTONE_LABELS[editing.milestone]}」时限`}</Text>
              <Input
                value={editing.amount}
                onChange={(amount) => setEditing({ ...editing, amount })}
                type="digit"
                placeholder="数值"
                maxLength={5}
              />
              <View className="chips">
                {(Object.keys(UNIT_LABELS) as Unit[]).map((u) => (
                  <Chip
                    key={u}
                    active={u === editing.unit}
                    onClick={() => setEditing({ ...editing, unit: u })}
                  >
                    {UNIT_LABELS[u]}
                  </Chip>
                ))}
              </View>
              <View className="staff__buttons">
                <Button type="primary" size="small" onClick={() => void save()}>
                  保存
                </Button>
                <Button size="small" onClick={() => setEditing(null)}>
                  取消
                </Button>
              </View>
            </View>
          ) : null}
          {p.canEdit && p.overridden ? (
            <View className="staff__buttons">
              <Button size="small" onClick={() => void reset(p)}>
                恢复默认
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
