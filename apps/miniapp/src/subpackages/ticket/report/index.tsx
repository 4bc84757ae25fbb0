import Taro, { useLoad } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { MAX_DESCRIPTION_LENGTH, MAX_TICKET_PHOTOS, NotificationKind, TicketCategoryDto, UploadDto } from '@linli/contracts';
import { askForSubscriptions } from '../../../services/subscribe';
import { chinaDateKey, detectEmergency } from '@linli/domain';
import { api } from '../../../services/api';
import { showError } from '../../../services/http';
import { newIdempotencyKey, reportDraftProblem } from '../../../services/report-form';
import { PhotoPicker } from '../../../components/photo-picker';
import { ticketDetailPage } from '../../../services/routes';
import './index.scss';

export default function ReportPage() {
  const [categories, setCategories] = useState<TicketCategoryDto[]>([]);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  // Preferred visit: a China-time date and time, both or neither.
  const [visitDate, setVisitDate] = useState('');
  const [visitTime, setVisitTime] = useState('');
  // One key per form: a retry after a lost response returns the same ticket.
  const idempotencyKey = useRef(newIdempotencyKey());

  const [hotline, setHotline] = useState<string | null>(null);
  useLoad(() => {
    api.categories().then(setCategories, showError);
    api.meta().then((m) => setHotline(m.hotline), () => setHotline(null));
  });

  const draft = { categoryCode, description, photoIds: photos.map((p) => p.id), uploading };
  const emergencyWords = detectEmergency(description);

  const submit = async () => {
    const problem = reportDraftProblem(draft);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      const ticket = await api.createTicket({
        categoryCode: categoryCode as string,
        description: description.trim(),
        photoIds: draft.photoIds,
        idempotencyKey: idempotencyKey.current,
        preferredVisitAt: visitDate && visitTime ? `${visitDate}T${visitTime}:00+08:00` : undefined,
      });
      // The moment the resident most wants to hear back: ask for WeChat progress messages now.
      await askForSubscriptions([NotificationKind.TicketUpdated]);
      await Taro.redirectTo({ url: ticketDetailPage(ticket.id) });
      void Taro.showToast({ title: '提交成功', icon: 'success' });
    } catch (err) {
      showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className='page report'>
      <Text className='section-title'>报事类别</Text>
      <View className='report__categories'>
        {categories.map((c) => (
          <View
            key={c.code}
            className={`report__category${c.code === categoryCode ? ' report__category--active' : ''}${c.emergency ? ' report__category--emergency' : ''}`}
            onClick={() => setCategoryCode(c.code)}
          >
            {c.name}
          </View>
        ))}
      </View>

      <Text className='section-title'>问题描述</Text>
      <TextArea
        value={description}
        onChange={setDescription}
        placeholder='请描述问题和位置，例如：厨房水槽下水管漏水'
        maxLength={MAX_DESCRIPTION_LENGTH}
        showCount
        rows={4}
      />
      {emergencyWords.length > 0 ? (
        <View className='report__emergency'>
          <Text>检测到“{emergencyWords.join('、')}”，将作为紧急工单优先处理。</Text>
          {hotline ? (
            <Text className='report__hotline' onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline })}>
              情况危急请直接拨打 24 小时物业热线 {hotline}
            </Text>
          ) : null}
        </View>
      ) : null}

      <Text className='section-title'>
        照片（{photos.length}/{MAX_TICKET_PHOTOS}）
      </Text>
      <PhotoPicker photos={photos} onChange={setPhotos} onUploadingChange={setUploading} />

      <Text className='section-title'>希望上门时间（选填）</Text>
      <View className='report__visit'>
        <Picker mode='date' value={visitDate} start={chinaDateKey(new Date())} onChange={(e) => setVisitDate(String(e.detail.value))}>
          <View className='report__visit-field'>{visitDate || '选择日期'}</View>
        </Picker>
        <Picker mode='time' value={visitTime} onChange={(e) => setVisitTime(String(e.detail.value))}>
          <View className='report__visit-field'>{visitTime || '选择时间'}</View>
        </Picker>
      </View>

      <View className='report__submit'>
        <Button type='primary' block loading={submitting} onClick={() => void submit()}>
          提交报事
        </Button>
      </View>
    </View>
  );
}
