import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import {
  NotificationKind,
  QuestionType,
  SurveyConversationDto,
  SurveyQuestion,
} from '@linli/contracts';
import { SATISFACTION_LABELS } from '@linli/domain/surveys';
import { askForSubscriptions } from '../../../services/app/subscribe';
import { surveysApi } from '../../../services/api/surveys-api';
import { useTask } from '../../../services/request/use-action';
import './index.scss';

/**
 * The questionnaire as a conversation: the property asks one question at a time as a chat bubble, the
 * resident answers with chips, stars or a short text, and each answer is saved at once, so leaving and
 * coming back resumes where they stopped. The server (the same engine the WeChat chat will use) decides
 * the next question.
 */
export default function SurveyAnswerPage() {
  const { params } = useRouter();
  const roundId = params.roundId ?? '';
  const [state, setState] = useState<SurveyConversationDto | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const task = useTask();
  const busy = task.running;
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');

  const load = useCallback(async () => {
    try {
      setState(await surveysApi.conversation(roundId));
      setFailed(null);
    } catch (err) {
      setFailed(err instanceof Error ? err.message : '加载失败，请稍后再试');
    }
  }, [roundId]);
  useDidShow(() => void load());

  const send = async (
    question: SurveyQuestion,
    value: number | string | string[] | undefined,
    skip = false,
  ) => {
    await task.run(async () => {
      const next = await surveysApi.answer(roundId, { questionId: question.id, value, skip });
      setState(next);
      setPicked([]);
      setText('');
      // Having just given their opinion is the moment to ask whether WeChat may invite them next time.
      if (next.completed) void askForSubscriptions([NotificationKind.SurveyInvite]);
    });
  };

  if (failed)
    return (
      <View className="page survey-chat">
        <View className="bubble bubble--them">{failed}</View>
      </View>
    );
  if (!state)
    return (
      <View className="page survey-chat">
        <Text className="muted">加载中…</Text>
      </View>
    );
  const q = state.next;
  const { answered, total } = state.progress;

  return (
    <View className="page survey-chat">
      <View className="survey-chat__progress">
        <Text>{state.title}</Text>
        <Text className="muted">{state.completed ? '已完成' : `已答 ${answered}/${total}`}</Text>
      </View>
      <View className="survey-chat__bar">
        <View
          className="survey-chat__bar-fill"
          style={{ width: `${total ? (answered * 100) / total : 0}%` }}
        />
      </View>
      <ScrollView scrollY className="survey-chat__log" scrollIntoView="survey-end">
        <View className="bubble bubble--them">{state.greeting}</View>
        {state.turns.map((turn) => (
          <View key={turn.question.id}>
            <View className="bubble bubble--them">{turn.question.text}</View>
            <View className="bubble bubble--me">{turn.answerText}</View>
          </View>
        ))}
        {q ? <View className="bubble bubble--them">{q.text}</View> : null}
        {state.thanks ? <View className="bubble bubble--them">{state.thanks}</View> : null}
        {state.closedMessage ? (
          <View className="bubble bubble--them">{state.closedMessage}</View>
        ) : null}
        <View id="survey-end" />
      </ScrollView>
      {q ? (
        <View className="survey-chat__reply">
          {q.type === QuestionType.Stars ? (
            <View className="chips survey-chat__stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <View
                  key={n}
                  className="chip survey-chat__star"
                  onClick={() => !busy && void send(q, n)}
                >{`${'★'.repeat(n)}`}</View>
              ))}
            </View>
          ) : null}
          {q.type === QuestionType.Satisfaction || q.type === QuestionType.Single ? (
            <View className="chips">
              {(q.type === QuestionType.Satisfaction ? SATISFACTION_LABELS : (q.options ?? [])).map(
                (o) => (
                  <View key={o} className="chip" onClick={() => !busy && void send(q, o)}>
                    {o}
                  </View>
                ),
              )}
            </View>
          ) : null}
          {q.type === QuestionType.Multiple ? (
            <>
              <View className="chips">
                {(q.options ?? []).map((o) => (
                  <View
                    key={o}
                    className={`chip${picked.includes(o) ? ' chip--active' : ''}`}
                    onClick={() =>
                      setPicked(picked.includes(o) ? picked.filter((x) => x !== o) : [...picked, o])
                    }
                  >
                    {o}
                  </View>
                ))}
              </View>
              <Button
                type="primary"
                block
                disabled={picked.length === 0}
                loading={busy}
                onClick={() => void send(q, picked)}
              >
                {picked.length ? `确定（已选 ${picked.length} 项）` : '请选择，可多选'}
              </Button>
            </>
          ) : null}
          {q.type === QuestionType.Text ? (
            <View className="survey-chat__text">
              <Input
                className="survey-chat__input"
                value={text}
                onChange={setText}
                placeholder="写下您的意见…"
                maxLength={200}
              />
              <Button
                type="primary"
                size="small"
                loading={busy}
                disabled={!text.trim()}
                onClick={() => void send(q, text)}
              >
                发送
              </Button>
              {!q.required ? (
                <Button size="small" onClick={() => void send(q, undefined, true)}>
                  跳过
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : (
        <View className="survey-chat__reply">
          <Button
            block
            onClick={() =>
              void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }))
            }
          >
            返回
          </Button>
        </View>
      )}
    </View>
  );
}
