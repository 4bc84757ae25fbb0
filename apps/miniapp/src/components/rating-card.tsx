import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import {
  CALLBACK_CHANNEL_LABELS,
  CALLBACK_OUTCOME_LABELS,
  RATING_TAGS,
  Satisfaction,
  SATISFACTION_LABELS,
  TicketAction,
  TicketDetailDto,
  TicketFeedbackDto,
} from '@linli/contracts';
import { feedbackApi } from '../services/api/feedback-api';
import { formatTime } from '../services/app/format';
import { StarRow } from './star-row';
import { toggled } from './chips';
import { attempt } from '../services/request/result';
import { useAction } from '../services/request/use-action';
import { Chip } from './chips';
import './rating-card.scss';

interface RatingCardProps {
  ticket: TicketDetailDto;
  /** The ticket changed (closed or sent back): the page reloads it. */
  onChanged: () => void;
}

/** The ticket actions a rating takes: the page shows the rating card instead of their buttons. */
export const RATING_REPLACES: readonly TicketAction[] = [TicketAction.Confirm, TicketAction.Reopen];

const CHOICES = [Satisfaction.Satisfied, Satisfaction.Basic, Satisfaction.Dissatisfied];

/**
 * 评价: on a resolved ticket the resident rates it (满意 / 基本满意 close it, 不满意 sends it back);
 * afterwards everyone who sees the ticket reads the ratings (and later words) and the callbacks' outcomes.
 */
export function RatingCard({ ticket, onChanged }: RatingCardProps) {
  const [fb, setFb] = useState<TicketFeedbackDto | null>(null);
  const [overall, setOverall] = useState<Satisfaction | null>(null);
  const [speed, setSpeed] = useState(5);
  const [attitude, setAttitude] = useState(5);
  const [quality, setQuality] = useState(5);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [addendum, setAddendum] = useState('');
  const rating = useAction((body: Parameters<typeof feedbackApi.rate>[1]) =>
    feedbackApi.rate(ticket.id, body),
  );

  const load = useCallback(async () => {
    await attempt(async () => {
      setFb(await feedbackApi.ticketFeedback(ticket.id));
    });
  }, [ticket.id]);
  useEffect(() => void load(), [load, ticket.version]);

  const toggle = (tag: string) => setTags((ts) => toggled(ts, tag));

  const submit = async () => {
    if (!overall) return void Taro.showToast({ title: '请选择满意程度', icon: 'none' });
    if (overall === Satisfaction.Dissatisfied && !comment.trim() && tags.length === 0)
      return void Taro.showToast({ title: '请说明哪里不满意', icon: 'none' });
    const rated = await rating.run({
      version: ticket.version,
      overall,
      speed,
      attitude,
      quality,
      tags,
      comment: comment.trim() || undefined,
    });
    if (!rated.ok) return;
    setFb(rated.data);
    void Taro.showToast({
      title: overall === Satisfaction.Dissatisfied ? '已退回，将重新处理' : '感谢您的评价',
      icon: 'success',
    });
    setOverall(null);
    setComment('');
    setTags([]);
    onChanged();
  };

  const add = async () => {
    if (!addendum.trim()) return;
    await attempt(async () => {
      setFb(await feedbackApi.addToRating(ticket.id, { text: addendum.trim() }));
      setAddendum('');
      void Taro.showToast({ title: '已追加', icon: 'success' });
    });
  };

  if (!fb) return null;
  const doneCallbacks = fb.callbacks.filter((c) => c.outcome !== null);
  if (!fb.canRate && fb.ratings.length === 0 && doneCallbacks.length === 0 && !fb.notRated)
    return null;
  return (
    <View className="card rating-card">
      <Text className="rating-card__title">服务评价</Text>
      {fb.canRate ? (
        <View className="rating-card__form">
          <Text className="muted">
            {fb.ratings.length > 0 ? '整改完成了，请再次评价' : '处理完成了，请为本次服务评价'}
          </Text>
          <View className="rating-card__choices">
            {CHOICES.map((c) => (
              <View
                key={c}
                className={`rating-card__choice rating-card__choice--${c}${overall === c ? ' rating-card__choice--active' : ''}`}
                onClick={() => setOverall(c)}
              >
                {SATISFACTION_LABELS[c]}
              </View>
            ))}
          </View>
          <StarRow label="响应速度" value={speed} onChange={setSpeed} />
          <StarRow label="服务态度" value={attitude} onChange={setAttitude} />
          <StarRow label="处理质量" value={quality} onChange={setQuality} />
          <View className="chips rating-card__tags">
            {RATING_TAGS.map((tag) => (
              <Chip key={tag} active={tags.includes(tag)} onClick={() => toggle(tag)}>
                {tag}
              </Chip>
            ))}
          </View>
          <TextArea
            value={comment}
            onChange={setComment}
            maxLength={500}
            rows={2}
            placeholder={
              overall === Satisfaction.Dissatisfied
                ? '请说明哪里不满意，我们会重新处理'
                : '说说您的感受（选填）'
            }
          />
          <Button block type="primary" loading={rating.running} onClick={() => void submit()}>
            提交评价
          </Button>
        </View>
      ) : null}
      {fb.notRated ? (
        <Text className="muted">住户未评价，系统已自动完成（记为“未评价”）</Text>
      ) : null}
      {[...fb.ratings].reverse().map((r) => (
        <View key={r.id} className="rating-card__rating">
          <View className="rating-card__head">
            <Text className={`rating-card__verdict rating-card__verdict--${r.overall}`}>
              {SATISFACTION_LABELS[r.overall]}
            </Text>
            <Text className="muted">{`${r.round > 0 ? `第 ${r.round + 1} 轮 · ` : ''}${formatTime(r.at)}`}</Text>
          </View>
          <Text className="muted">{`速度 ${r.speed} 星 · 态度 ${r.attitude} 星 · 质量 ${r.quality} 星`}</Text>
          {r.tags.length > 0 ? (
            <Text className="rating-card__tagline">{r.tags.join('　')}</Text>
          ) : null}
          {r.comment ? <Text>{r.comment}</Text> : null}
          {r.addenda.map((a) => (
            <Text
              key={a.at}
              className="rating-card__addendum"
            >{`追加（${formatTime(a.at)}）：${a.text}`}</Text>
          ))}
        </View>
      ))}
      {doneCallbacks.map((c) => (
        <View key={c.id} className="rating-card__rating">
          <View className="rating-card__head">
            <Text>{`回访 · ${CALLBACK_OUTCOME_LABELS[c.outcome!]}`}</Text>
            <Text className="muted">{`${c.channel ? CALLBACK_CHANNEL_LABELS[c.channel] : ''} · ${formatTime(c.doneAt ?? c.dueAt)}`}</Text>
          </View>
          {c.residentWords ? <Text>{`住户意见：${c.residentWords}`}</Text> : null}
        </View>
      ))}
      {fb.canAddToRating && !fb.canRate ? (
        <View className="rating-card__form">
          <TextArea
            value={addendum}
            onChange={setAddendum}
            maxLength={500}
            rows={2}
            placeholder="追加评价（原评价不会改变）"
          />
          <Button block size="small" onClick={() => void add()}>
            追加评价
          </Button>
        </View>
      ) : null}
    </View>
  );
}
