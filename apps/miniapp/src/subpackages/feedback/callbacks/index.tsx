import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Empty, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import {
  CALLBACK_CHANNEL_LABELS,
  CALLBACK_OUTCOME_LABELS,
  CALLBACK_REASON_LABELS,
  CALLBACK_STATUS_LABELS,
  CallbackChannel,
  CallbackOutcome,
  CallbackTaskDto,
  MyCallbacksDto,
} from '@linli/contracts';
import { Chip, ChipChoice } from '../../../components/chips';
import { api } from '../../../services/api/api';
import { feedbackApi } from '../../../services/api/feedback-api';
import { formatTime } from '../../../services/app/format';
import { ticketDetailPage } from '../../../services/app/routes';
import { SignaturePad } from '../../../components/signature-pad';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import '../feedback.scss';

type Tab = 'dueToday' | 'overdue' | 'upcoming' | 'done';
const TABS: { key: Tab; label: string; empty: string }[] = [
  { key: 'dueToday', label: '今日待回访', empty: '今天没有待回访的住户' },
  { key: 'overdue', label: '已超期', empty: '没有超期的回访' },
  { key: 'upcoming', label: '未到期', empty: '没有未到期的回访' },
  { key: 'done', label: '已完成', empty: '近 30 天没有完成的回访' },
];
const OUTCOMES = Object.values(CallbackOutcome);
const CHANNELS = Object.values(CallbackChannel);

/**
 * 我的回访 (assistants and supervisors): the callbacks owed, due today, overdue and done. A callback
 * records the outcome, the channel, the resident's own words and, in person, their signature.
 */
export default function MyCallbacksPage() {
  const [tab, setTab] = useState<Tab>('dueToday');
  const [lists, setLists] = useState<MyCallbacksDto | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  const [channel, setChannel] = useState<CallbackChannel>(CallbackChannel.Phone);
  const [words, setWords] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const saveStep = useTask();
  const saving = saveStep.running;

  const load = useCallback(async () => {
    await attempt(async () => {
      setLists(await feedbackApi.myCallbacks());
    });
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const begin = (task: CallbackTaskDto) => {
    setOpen(task.id);
    setOutcome(null);
    setChannel(task.inPersonRequired ? CallbackChannel.InPerson : CallbackChannel.Phone);
    setWords('');
    setSignature(null);
  };

  const save = async (task: CallbackTaskDto) => {
    if (!outcome) return void Taro.showToast({ title: '请选择回访结果', icon: 'none' });
    const reached = outcome !== CallbackOutcome.Unreachable;
    if (reached && !words.trim())
      return void Taro.showToast({ title: '请记录住户的意见', icon: 'none' });
    const needsSignature =
      reached && (channel === CallbackChannel.InPerson || task.inPersonRequired);
    if (needsSignature && !signature)
      return void Taro.showToast({ title: '请住户签名后点“确认签名”', icon: 'none' });
    await saveStep.run(async () => {
      const signatureId =
        needsSignature && signature ? (await api.upload(signature)).id : undefined;
      const saved = await feedbackApi.recordCallback(task.id, {
        outcome,
        channel,
        residentWords: reached ? words.trim() : undefined,
        signatureId,
      });
      setOpen(null);
      void Taro.showToast({
        title: saved.status === 'retrying' ? '已记录，明天再试' : '回访已记录',
        icon: 'success',
      });
      await load();
    });
  };

  const tasks = lists ? lists[tab] : null;
  return (
    <View className="page feedback">
      <View className="chips">
        {TABS.map((t) => (
          <Chip key={t.key} active={t.key === tab} onClick={() => setTab(t.key)}>
            {`${t.label}${lists && lists[t.key].length > 0 ? ` ${lists[t.key].length}` : ''}`}
          </Chip>
        ))}
      </View>
      {tasks === null ? <Text className="muted">加载中…</Text> : null}
      {tasks !== null && tasks.length === 0 ? (
        <Empty
          description={TABS.find((t) => t.key === tab)!.empty}
          image={<Text className="empty-mark">无</Text>}
        />
      ) : null}
      {(tasks ?? []).map((task) => (
        <View key={task.id} className="card feedback__item">
          <View className="feedback__title">
            <Text>{task.roomLabel}</Text>
            <Text
              className={`feedback__status feedback__status--${task.overdue ? 'overdue' : task.status}`}
            >
              {task.overdue ? '已超期' : CALLBACK_STATUS_LABELS[task.status]}
            </Text>
          </View>
          <Text className="muted">
            {[
              CALLBACK_REASON_LABELS[task.reason],
              task.inPersonRequired ? '须上门签字' : null,
              `${formatTime(task.dueAt)} 前`,
              task.attempts > 0 ? `已尝试 ${task.attempts} 次` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {task.ticketCode ? (
            <Text
              className="feedback__ticket"
              onClick={() => void Taro.navigateTo({ url: ticketDetailPage(task.ticketId!) })}
            >
              {`${task.ticketCode} ${task.ticketDescription ?? ''}`}
            </Text>
          ) : null}
          <Text>{`${task.residentName ?? '住户'} ${task.residentPhone ?? '无登记电话'}`}</Text>
          {task.outcome ? (
            <Text>{`${CALLBACK_OUTCOME_LABELS[task.outcome]}（${task.channel ? CALLBACK_CHANNEL_LABELS[task.channel] : ''}）${task.residentWords ? `：${task.residentWords}` : ''}`}</Text>
          ) : null}
          {task.status === 'done' && task.signatureId ? (
            <Text className="muted">住户已签字</Text>
          ) : null}
          {open === task.id ? (
            <View className="feedback__form">
              {task.questions.map((q, i) => (
                <Text key={q} className="feedback__question">{`${i + 1}. ${q}`}</Text>
              ))}
              <Text className="muted">回访方式</Text>
              <ChipChoice
                options={CHANNELS}
                value={channel}
                label={(c) => CALLBACK_CHANNEL_LABELS[c]}
                onChange={setChannel}
              />
              <Text className="muted">回访结果</Text>
              <ChipChoice
                options={OUTCOMES}
                value={outcome}
                label={(o) => CALLBACK_OUTCOME_LABELS[o]}
                onChange={setOutcome}
              />
              {outcome !== CallbackOutcome.Unreachable ? (
                <TextArea
                  value={words}
                  onChange={setWords}
                  maxLength={500}
                  rows={3}
                  placeholder="住户原话，如：问题已解决，师傅很耐心"
                />
              ) : null}
              {outcome !== CallbackOutcome.Unreachable &&
              (channel === CallbackChannel.InPerson || task.inPersonRequired) ? (
                signature ? (
                  <View className="feedback__signed">
                    <Image className="feedback__signature" src={signature} mode="aspectFit" />
                    <Button size="small" onClick={() => setSignature(null)}>
                      重签
                    </Button>
                  </View>
                ) : (
                  <SignaturePad canvasId={`sig-${task.id.slice(0, 8)}`} onSigned={setSignature} />
                )
              ) : null}
              <View className="feedback__buttons">
                <Button size="small" onClick={() => setOpen(null)}>
                  取消
                </Button>
                <Button
                  size="small"
                  type="primary"
                  loading={saving}
                  onClick={() => void save(task)}
                >
                  保存回访
                </Button>
              </View>
            </View>
          ) : null}
          {open !== task.id && (task.status === 'due' || task.status === 'retrying') ? (
            <View className="feedback__buttons">
              {task.residentPhone ? (
                <Button
                  size="small"
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: task.residentPhone! })}
                >
                  拨打电话
                </Button>
              ) : null}
              <Button size="small" type="primary" onClick={() => begin(task)}>
                记录回访
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
