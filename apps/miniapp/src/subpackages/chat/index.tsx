import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { api } from '../../services/api/api';
import { demoPersona, localChat } from '../../services/api/chat-api';
import {
  ChatBubble,
  chatBubbles,
  isTabPage,
  isTyping,
  LocalChatEntry,
} from '../../services/chat/chat-view';
import { formatTime } from '../../services/app/format';
import { attempt } from '../../services/request/result';
import { useRequiredUser } from '../../services/session/use-session';
import './index.scss';

const POLL_MS = 1500;

type Stage = 'loading' | 'ready' | 'offline' | 'not-demo' | 'no-persona';

/**
 * Demo mode (H5): WeChat's customer-service chat, simulated. What the resident types goes to the local WeChat
 * server, which pushes it to the product signed exactly as WeChat would; the product's answers (custom/send)
 * are read back from the simulator's record every 1.5 s while the window is open.
 */
export default function DemoChatPage() {
  const { params } = useRouter();
  const sessionFrom = params.from ?? 'me';
  const user = useRequiredUser();
  const [stage, setStage] = useState<Stage>('loading');
  const [entries, setEntries] = useState<LocalChatEntry[]>([]);
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const openid = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const entered = useRef(false);

  const refresh = useCallback(async () => {
    if (!openid.current) return;
    try {
      setEntries(await localChat.conversation(openid.current));
      setStage('ready');
    } catch {
      setStage('offline');
    }
  }, []);

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };

  useDidShow(() => {
    void (async () => {
      const meta = await api.meta().catch(() => null);
      if (!meta) return setStage('offline');
      if (!meta.demoMode) return setStage('not-demo');
      openid.current = demoPersona.openid();
      if (!openid.current) return setStage('no-persona');
      // Opening the chat from a 联系客服 button: WeChat pushes user_enter_tempsession with the button's session-from.
      if (!entered.current) {
        entered.current = true;
        await localChat.enter(openid.current, sessionFrom).catch(() => undefined);
      }
      await refresh();
      stopPolling();
      timer.current = setInterval(() => void refresh(), POLL_MS);
    })();
  });
  useDidHide(stopPolling);
  useUnload(stopPolling);

  const bubbles = chatBubbles(entries);
  const typing = isTyping(entries);
  const count = bubbles.length + (pending ? 1 : 0) + (typing ? 1 : 0);
  useEffect(() => {
    if (count > 0) void Taro.pageScrollTo({ scrollTop: 1e6, duration: 0 }).catch(() => undefined);
  }, [count]);

  const send = async () => {
    const text = draft.trim();
    const id = openid.current;
    if (!text || pending || !id) return;
    setPending(text);
    setDraft('');
    const said = await attempt(async () => {
      await localChat.say(id, text);
      await refresh();
    });
    if (!said.ok) setDraft(text);
    setPending(null);
  };

  const open = (page: string) => {
    if (isTabPage(page)) void Taro.switchTab({ url: page.split('?')[0] });
    else void Taro.navigateTo({ url: page });
  };

  if (stage === 'not-demo' || stage === 'no-persona')
    return (
      <View className="page">
        <EmptyState
          text={
            stage === 'not-demo'
              ? '请在微信里点「联系客服」和物业聊天'
              : '请退出后重新选择演示身份，再打开客服聊天'
          }
        />
      </View>
    );

  const initial = user?.name.slice(0, 1) ?? '我';
  return (
    <View className="chat">
      <View className="chat__banner">
        <Text>演示版本：模拟微信客服消息，消息经本地微信服务推送给物业</Text>
      </View>
      {stage === 'loading' ? <Text className="chat__note">正在连接客服…</Text> : null}
      {stage === 'offline' ? (
        <View className="chat__offline">
          <Text className="chat__note">暂时连不上客服，请稍后再试</Text>
          <Button size="small" onClick={() => void refresh()}>
            重试
          </Button>
        </View>
      ) : null}
      {stage === 'ready' && bubbles.length === 0 && !pending ? (
        <Text className="chat__note">请直接描述需要报修或咨询的事情，例如「厨房水管漏水」</Text>
      ) : null}
      <View className="chat__list">
        {bubbles.map((b) => (
          <ChatLine key={b.key} bubble={b} initial={initial} onOpen={open} />
        ))}
        {pending ? (
          <ChatLine
            bubble={{
              key: 'pending',
              time: null,
              kind: 'text',
              mine: true,
              text: pending,
              failed: false,
            }}
            initial={initial}
            onOpen={open}
            sending
          />
        ) : null}
        {typing ? <Text className="chat__note">对方正在输入…</Text> : null}
      </View>
      <View className="chat__bar">
        <Input
          className="chat__input"
          value={draft}
          placeholder="输入消息"
          confirmType="send"
          maxlength={300}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => void send()}
        />
        <View
          className={`chat__send${draft.trim() && !pending ? '' : ' chat__send--off'}`}
          onClick={() => void send()}
        >
          <Text>发送</Text>
        </View>
      </View>
    </View>
  );
}

function ChatLine({
  bubble,
  initial,
  onOpen,
  sending = false,
}: {
  bubble: ChatBubble;
  initial: string;
  onOpen: (page: string) => void;
  sending?: boolean;
}) {
  const time = bubble.time ? <Text className="chat__time">{formatTime(bubble.time)}</Text> : null;
  if (bubble.kind === 'note')
    return (
      <>
        {time}
        <Text className="chat__note">{bubble.text}</Text>
      </>
    );
  const side = bubble.mine ? 'mine' : 'theirs';
  return (
    <>
      {time}
      <View className={`chat__line chat__line--${side}`}>
        <View className={`chat__avatar chat__avatar--${side}`}>
          <Text>{bubble.mine ? initial : '物'}</Text>
        </View>
        {bubble.kind === 'text' ? (
          <View className={`chat__bubble chat__bubble--${side}`}>
            <Text className="chat__text">{bubble.text}</Text>
          </View>
        ) : (
          <View className="chat__card" onClick={() => bubble.page && onOpen(bubble.page)}>
            <Text className="chat__card-title">{bubble.title}</Text>
            {bubble.description ? (
              <Text className="chat__card-desc">{bubble.description}</Text>
            ) : null}
            <View className="chat__card-thumb">
              <Text>邻里物业</Text>
            </View>
            <Text className="chat__card-foot">小程序</Text>
          </View>
        )}
        {sending ? <Text className="chat__state">发送中</Text> : null}
        {bubble.kind === 'text' && bubble.failed ? (
          <Text className="chat__state chat__state--failed">未送达</Text>
        ) : null}
      </View>
    </>
  );
}
