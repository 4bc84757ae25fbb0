import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { HouseholdFileDto } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { formatTime } from '../../../services/app/format';
import { attempt } from '../../../services/request/result';

/** The quarterly review (docs/domain-rules.md §3): when it is due, and the button to record one. */
export function ReviewCard({
  file,
  onDone,
}: {
  file: HouseholdFileDto;
  onDone: () => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const { review } = file;
  const complete = async () => {
    await attempt(async () => {
      await api.completeReview(file.id, { note: note.trim() || undefined });
      setNote('');
      void Taro.showToast({ title: '已记录复核', icon: 'success' });
      await onDone();
    });
  };
  return (
    <View className={`card household__review${review.due ? ' household__review--due' : ''}`}>
      <Text className="section-title">档案复核</Text>
      <Text>
        {review.nextReviewOn
          ? `下次复核：${review.nextReviewOn}${review.due ? '（已到期）' : ''}`
          : '从未复核，请尽快与住户核对档案'}
      </Text>
      {review.lastReviewedAt ? (
        <Text className="muted">{`上次：${formatTime(review.lastReviewedAt)} · ${review.lastReviewerName ?? ''}${review.lastReviewNote ? ` · ${review.lastReviewNote}` : ''}`}</Text>
      ) : null}
      <Input
        className="household__review-note"
        value={note}
        onChange={setNote}
        placeholder="复核情况（选填），如“新增租户一人”"
        maxLength={200}
      />
      <Button
        size="small"
        type={review.due ? 'primary' : 'default'}
        onClick={() => void complete()}
      >
        完成复核
      </Button>
    </View>
  );
}
