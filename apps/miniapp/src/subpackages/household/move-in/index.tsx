import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MEMBER_ROLE_LABELS, MemberRole, UploadDto } from '@linli/contracts';
import { chinaDateKey } from '@linli/domain';
import { ChipChoice } from '../../../components/chips';
import { MoveInDetails } from '../../../components/move-in-card';
import { PhotoPicker } from '../../../components/photo-picker';
import { api } from '../../../services/api/api';
import { session } from '../../../services/session/session';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import { useQuery } from '../../../services/request/use-query';
import '../household.scss';

const ROLES = [MemberRole.Family, MemberRole.Tenant, MemberRole.Relative, MemberRole.Owner];

/**
 * 入住登记 (docs/domain-rules.md §4): a member registers someone moving into their room — name, role, relationship,
 * phone, ID number, move-in date and a photo for the residence pass. The office then checks the papers at
 * the service centre; tenants need the owner's consent (the owner agrees here) and relatives the owner's
 * written consent. Below: the household's registrations with what is missing and the passes issued.
 */
export default function MoveInPage() {
  const [name, setName] = useState('');
  const [role, setRole] = useState(MemberRole.Family);
  const [relationship, setRelationship] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [moveInDate, setMoveInDate] = useState('');
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const task = useTask();
  const busy = task.running;
  const moveIns = useQuery(() => api.myMoveIns(), [], { pullDown: false });
  const list = moveIns.data ?? [];
  const load = moveIns.reload;
  useDidShow(() => {
    if (!moveInDate)
      api.meta().then(
        (meta) => setMoveInDate(chinaDateKey(new Date(meta.now))),
        () => setMoveInDate(chinaDateKey(new Date())),
      );
  });
  const householdId = session.get()?.user.household?.id;
  const submit = async () => {
    if (!householdId || uploading > 0) return;
    setErrors({});
    const sent = await task.run(async () => {
      await api.registerMoveIn({
        householdId,
        people: [
          {
            name: name.trim(),
            role,
            relationship: relationship.trim() || undefined,
            phone: phone.trim(),
            idNumber: idNumber.trim(),
            moveInDate: moveInDate.trim(),
            photoId: photos[0]?.id,
          },
        ],
      });
      void Taro.showToast({ title: '已提交，请到服务中心查验证件', icon: 'none', duration: 2500 });
      setName('');
      setRelationship('');
      setPhone('');
      setIdNumber('');
      setPhotos([]);
      await load();
    });
    const fields = sent.ok ? [] : (sent.error.error.fields ?? []);
    if (fields.length)
      setErrors(
        Object.fromEntries(fields.map((f) => [f.field.replace(/^people\[0\]\./, ''), f.message])),
      );
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    await attempt(async () => {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await load();
    });
  };
  const fieldError = (key: string) =>
    errors[key] ? <Text className="move-in-form__error">{errors[key]}</Text> : null;
  return (
    <View className="page household">
      <View className="card">
        <Text className="muted">
          业主凭房产证明和身份证登记；家属凭身份证，须业主同意；租户凭身份证和租赁合同，须业主同意；借住亲属须提供亲属关系公证书及业主书面同意。提交后请到物业服务中心查验证件，审核通过后发放居住证。
        </Text>
      </View>
      <View className="card move-in-form">
        <Text className="section-title">登记入住人员</Text>
        <Input
          className="household__input move-in-form__name"
          value={name}
          onChange={setName}
          placeholder="姓名"
          maxLength={50}
        />
        {fieldError('name')}
        <ChipChoice
          options={ROLES}
          value={role}
          label={(r) => MEMBER_ROLE_LABELS[r]}
          onChange={setRole}
        />
        <Input
          className="household__input move-in-form__relationship"
          value={relationship}
          onChange={setRelationship}
          placeholder="与业主关系（如 儿子、表哥）"
          maxLength={20}
        />
        <Input
          className="household__input move-in-form__phone"
          value={phone}
          onChange={setPhone}
          placeholder="手机号"
          type="number"
          maxLength={11}
        />
        {fieldError('phone')}
        <Input
          className="household__input move-in-form__id"
          value={idNumber}
          onChange={setIdNumber}
          placeholder="身份证号码"
          type="idcard"
          maxLength={18}
        />
        {fieldError('idNumber')}
        <Input
          className="household__input move-in-form__date"
          value={moveInDate}
          onChange={setMoveInDate}
          placeholder="入住日期，如 2026-11-25"
          maxLength={10}
        />
        {fieldError('moveInDate')}
        <Text className="section-title">居住证照片（选填）</Text>
        <PhotoPicker
          photos={photos.slice(0, 1)}
          onChange={(update) => setPhotos((all) => update(all).slice(0, 1))}
          onUploadingChange={setUploading}
        />
      </View>
      <Button
        type="primary"
        block
        loading={busy}
        disabled={!householdId || uploading > 0}
        onClick={() => void submit()}
      >
        提交入住登记
      </Button>
      {list.length ? <View className="section-title">登记记录</View> : null}
      {list.map((m) => (
        <View key={m.id} className="card">
          <MoveInDetails moveIn={m} />
          {m.can.ownerConsent ? (
            <View className="household__invite-buttons">
              <Button
                type="primary"
                size="small"
                onClick={() =>
                  void act(() => api.moveInOwnerConsent(m.id, { approve: true }), '已同意')
                }
              >
                同意入住
              </Button>
              <Button
                size="small"
                onClick={() =>
                  void act(() => api.moveInOwnerConsent(m.id, { approve: false }), '已拒绝')
                }
              >
                不同意
              </Button>
            </View>
          ) : null}
          {m.can.cancel ? (
            <Button size="small" onClick={() => void act(() => api.cancelMoveIn(m.id), '已撤销')}>
              撤销登记
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
