import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AssistantCardDto, MAX_SPECIALITIES, UploadDto } from '@linli/contracts';
import { AssistantCard } from '../../../components/assistant-card';
import { PhotoPicker } from '../../../components/photo-picker';
import { api } from '../../../services/api/api';
import { useRequiredUser } from '../../../services/session/use-session';
import { attempt } from '../../../services/request/result';

/** Splits "水电维修，老人关怀 、 绿化" into tags: Chinese or Latin commas, 、 or spaces. */
const tagsOf = (text: string) => [
  ...new Set(
    text
      .split(/[，,、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** The staff member's own card, as the residents of their buildings see it. */
export default function StaffProfilePage() {
  const user = useRequiredUser();
  const [loaded, setLoaded] = useState(false);
  const [photo, setPhoto] = useState<UploadDto[]>([]);
  const [specialities, setSpecialities] = useState('');
  const [servicePhone, setServicePhone] = useState('');
  const [intro, setIntro] = useState('');
  useDidShow(() => {
    void attempt(async () => {
      const p = await api.myStaffProfile();
      setPhoto(
        p.photoId && p.photoUrl ? [{ id: p.photoId, url: p.photoUrl, mimeType: '', size: 0 }] : [],
      );
      setSpecialities(p.specialities.join('、'));
      setServicePhone(p.servicePhone ?? '');
      setIntro(p.intro ?? '');
      setLoaded(true);
    });
  });
  if (!user || !loaded) return <View className="page" />;
  const preview: AssistantCardDto = {
    id: user.id,
    name: user.name,
    phone: servicePhone.trim() || null,
    photoUrl: photo[0]?.url ?? null,
    specialities: tagsOf(specialities),
    intro: intro.trim() || null,
    onDutyNow: false,
    shifts: [],
  };
  const save = async () => {
    await attempt(async () => {
      await api.updateStaffProfile({
        photoId: photo[0]?.id ?? null,
        specialities: tagsOf(specialities),
        servicePhone: servicePhone.trim() || null,
        intro: intro.trim() || null,
      });
      void Taro.showToast({ title: '名片已保存', icon: 'success' });
    });
  };
  return (
    <View className="page">
      <View className="card">
        <Text className="section-title">照片</Text>
        <PhotoPicker
          photos={photo}
          onChange={(update) => setPhoto((list) => update(list).slice(-1))}
        />
        <Text className="section-title">{`擅长领域（最多 ${MAX_SPECIALITIES} 项，用顿号或逗号分隔）`}</Text>
        <Input
          value={specialities}
          onChange={setSpecialities}
          placeholder="如：水电维修、老人关怀"
        />
        <Text className="section-title">服务电话（不填则用账号手机号）</Text>
        <Input
          value={servicePhone}
          onChange={setServicePhone}
          placeholder="手机号、座机或 400 电话"
        />
        <Text className="section-title">自我介绍</Text>
        <TextArea
          value={intro}
          onChange={setIntro}
          placeholder="一句话介绍自己，住户会在“我的房屋”看到"
          maxLength={200}
          rows={2}
        />
        <Button type="primary" block onClick={() => void save()}>
          保存名片
        </Button>
      </View>
      <Text className="muted">住户看到的样子（值班状态按值班表显示）：</Text>
      <AssistantCard card={preview} />
    </View>
  );
}
