import Taro, { useLoad } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { MAX_DESCRIPTION_LENGTH, MAX_TICKET_PHOTOS, TicketCategoryDto, UploadDto } from '@linli/contracts';
import { detectEmergency } from '@linli/domain';
import { api } from '../../../services/api';
import { showError } from '../../../services/http';
import { newIdempotencyKey, photoSlotsLeft, reportDraftProblem } from '../../../services/report-form';
import { ticketDetailPage } from '../../../services/routes';
import './index.scss';

export default function ReportPage() {
  const [categories, setCategories] = useState<TicketCategoryDto[]>([]);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  // One key per form: a retry after a lost response returns the same ticket.
  const idempotencyKey = useRef(newIdempotencyKey());

  useLoad(() => {
    api.categories().then(setCategories, showError);
  });

  const draft = { categoryCode, description, photoIds: photos.map((p) => p.id), uploading };
  const emergencyWords = detectEmergency(description);

  const choosePhotos = async () => {
    const count = photoSlotsLeft(draft);
    if (count === 0) return;
    let files: Taro.chooseMedia.ChooseMedia[];
    try {
      files = (await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })).tempFiles;
    } catch {
      return; // the resident closed the picker
    }
    setUploading((n) => n + files.length);
    await Promise.all(
      files.map(async (f) => {
        try {
          const uploaded = await api.upload(f.tempFilePath);
          setPhotos((list) => (list.length < MAX_TICKET_PHOTOS ? [...list, uploaded] : list));
        } catch (err) {
          showError(err);
        } finally {
          setUploading((n) => n - 1);
        }
      }),
    );
  };

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
      });
      void Taro.showToast({ title: '提交成功', icon: 'success' });
      await Taro.redirectTo({ url: ticketDetailPage(ticket.id) });
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
        <Text className='report__emergency'>检测到“{emergencyWords.join('、')}”，将作为紧急工单优先处理；情况危急请直接拨打物业热线。</Text>
      ) : null}

      <Text className='section-title'>
        照片（{photos.length}/{MAX_TICKET_PHOTOS}）
      </Text>
      <View className='report__photos'>
        {photos.map((p) => (
          <View key={p.id} className='report__photo'>
            <Image className='report__photo-img' src={p.url} mode='aspectFill' />
            <View className='report__photo-remove' onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}>
              ×
            </View>
          </View>
        ))}
        {Array.from({ length: uploading }, (_, i) => (
          <View key={`u${i}`} className='report__photo report__photo--uploading'>
            上传中…
          </View>
        ))}
        {photoSlotsLeft(draft) > 0 ? (
          <View className='report__photo report__photo--add' onClick={() => void choosePhotos()}>
            添加照片
          </View>
        ) : null}
      </View>

      <View className='report__submit'>
        <Button type='primary' block loading={submitting} onClick={() => void submit()}>
          提交报事
        </Button>
      </View>
    </View>
  );
}
