import Taro from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import type { MyHouseholdDto } from '@linli/contracts';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { api } from '../../../services/api/api';
import { HOME_PAGE } from '../../../services/app/routes';
import { session } from '../../../services/session/session';
import { attempt } from '../../../services/request/result';
import { NameInput } from '../name-input';
import { useTask } from '../../../services/request/use-action';
import '../household.scss';

/** 绑定房屋: a newcomer enters the invitation code from the owner or the service centre. */
export default function JoinHouseholdPage() {
  const [code, setCode] = useState('');
  const [name, setName] = useState(session.user()?.name ?? '');
  const task = useTask();
  const busy = task.running;
  /** After binding: refresh the session's profile (it predates the room) and start over at home. */
  const bound = async (household: MyHouseholdDto) => {
    const current = session.get();
    if (current) session.save({ ...current, user: await api.me() });
    void Taro.showToast({ title: `已绑定 ${household.roomLabel}`, icon: 'success' });
    await Taro.reLaunch({ url: HOME_PAGE });
  };
  // WeChat only: the number the property office has on file finds the household without a code.
  const byPhone = async (e: { detail: { code?: string } }) => {
    const phoneCode = e.detail.code;
    if (!phoneCode) return; // the user declined
    await attempt(async () => {
      await bound(await api.bindPhone({ code: phoneCode }));
    });
  };
  const join = async () => {
    if (!/^[A-Za-z0-9]{8}$/.test(code.trim()))
      return void Taro.showToast({ title: '邀请码是 8 位字母或数字', icon: 'none' });
    if (!name.trim()) return void Taro.showToast({ title: '请填写姓名', icon: 'none' });
    await task.run(async () => {
      await bound(await api.joinHousehold({ code: code.trim(), name: name.trim() }));
    });
  };
  return (
    <View className="page household">
      <View className="card">
        <Text className="section-title">输入邀请码</Text>
        <Text className="muted">邀请码由业主在“我的房屋”中生成，或由物业服务中心提供。</Text>
        <Input
          className="household__input"
          value={code}
          onChange={setCode}
          placeholder="8 位邀请码"
          maxLength={8}
        />
        <NameInput value={name} onChange={setName} />
      </View>
      <Button type="primary" block loading={busy} onClick={() => void join()}>
        绑定房屋
      </Button>
      {process.env.TARO_ENV === 'weapp' ? (
        <NativeButton
          className="household__phone"
          openType="getPhoneNumber"
          onGetPhoneNumber={(e) => void byPhone(e)}
        >
          已在物业登记过手机号？微信手机号一键绑定
        </NativeButton>
      ) : null}
    </View>
  );
}
