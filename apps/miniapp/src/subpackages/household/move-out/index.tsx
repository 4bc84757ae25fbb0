import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MOVE_OUT_SCOPE_LABELS, MoveOutScope } from '@linli/contracts';
import { chinaDateKey } from '@linli/domain';
import { api } from '../../../services/api/api';
import { ApiRequestError } from '../../../services/request/http';
import { useTask } from '../../../services/request/use-action';
import { MY_SLIPS_PAGE } from '../../../services/app/routes';
import { Chip } from '../../../components/chips';
import '../household.scss';

const DAY_MS = 24 * 3_600_000;

/**
 * 搬出申请 (docs/domain-rules.md §4): the date, all or part, the main items, who carries. The owner's own
 * application goes to the office; anyone else's waits for the owner's authorisation first. Moving out
 * entirely needs the fees settled at the service centre before the office approves.
 */
export default function MoveOutApplyPage() {
  const [moveDate, setMoveDate] = useState('');
  const [scope, setScope] = useState(MoveOutScope.Partial);
  const [items, setItems] = useState('');
  const [carrierName, setCarrierName] = useState('');
  const [carrierPhone, setCarrierPhone] = useState('');
  const [vehiclePlate, setVehiclePlate] = useState('');
  const task = useTask();
  const busy = task.running;
  // Tomorrow (China date, by the server's clock) is the earliest date by default.
  useDidShow(() => {
    if (moveDate) return;
    api.meta().then(
      (meta) => setMoveDate(chinaDateKey(new Date(Date.parse(meta.now) + DAY_MS))),
      () => setMoveDate(chinaDateKey(new Date(Date.now() + DAY_MS))),
    );
  });
  const submit = async () => {
    await task.run(async () => {
      try {
        await api.applyMoveOut({
          moveDate: moveDate.trim(),
          scope,
          items: items.split('\n'),
          carrierName: carrierName.trim(),
          carrierPhone: carrierPhone.trim(),
          vehiclePlate: vehiclePlate.trim() || undefined,
        });
      } catch (err) {
        // A field the server refused is named in its own words, held a little longer.
        const field = err instanceof ApiRequestError ? err.error.fields?.[0]?.message : undefined;
        if (!field) throw err;
        return void Taro.showToast({ title: field, icon: 'none', duration: 2500 });
      }
      void Taro.showToast({ title: '已提交', icon: 'success' });
      await Taro.redirectTo({ url: MY_SLIPS_PAGE });
    });
  };
  return (
    <View className="page household">
      <View className="card">
        <Text className="muted">
          请提前申请。租户或代办人申请须经业主授权；整户搬出须先到服务中心结清物业费及水电等费用。物业批准后出具放行条，搬出时向门岗出示。
        </Text>
      </View>
      <View className="card">
        <Text className="section-title">搬出日期</Text>
        <Input
          className="household__input move-out__date"
          value={moveDate}
          onChange={setMoveDate}
          placeholder="如 2026-11-25"
          maxLength={10}
        />
        <Text className="section-title">搬出方式</Text>
        <View className="chips">
          {[MoveOutScope.Partial, MoveOutScope.Whole].map((s) => (
            <Chip key={s} active={s === scope} onClick={() => setScope(s)}>
              {MOVE_OUT_SCOPE_LABELS[s]}
            </Chip>
          ))}
        </View>
        <Text className="section-title">主要物品（每行一项）</Text>
        <TextArea
          className="move-out__items"
          value={items}
          onChange={setItems}
          placeholder={'如：\n双门冰箱 1 台\n纸箱 6 个'}
          maxLength={1000}
          rows={4}
        />
        <Text className="section-title">搬运人</Text>
        <Input
          className="household__input move-out__carrier"
          value={carrierName}
          onChange={setCarrierName}
          placeholder="搬运人姓名"
          maxLength={50}
        />
        <Input
          className="household__input move-out__phone"
          value={carrierPhone}
          onChange={setCarrierPhone}
          placeholder="搬运人手机号"
          type="number"
          maxLength={11}
        />
        <Input
          className="household__input move-out__plate"
          value={vehiclePlate}
          onChange={setVehiclePlate}
          placeholder="车牌号（选填）"
          maxLength={16}
        />
      </View>
      <Button type="primary" block loading={busy} onClick={() => void submit()}>
        提交搬出申请
      </Button>
    </View>
  );
}
