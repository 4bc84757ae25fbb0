import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import {
  Channel,
  CHAT_REPLY_MAX,
  ChatMessageDto,
  Role,
  TicketDetailDto,
  UserProfileDto,
} from '@linli/contracts';
import { chatApi } from '../../services/api/chat-api';
import { formatTime } from '../../services/app/format';
import { useAction } from '../../services/request/use-action';
import './ticket-chat-card.scss';

/** How an outgoing message reached the resident, in the words the staff read under it. */
const DELIVERY_LABELS: Record<ChatMessageDto['delivery'], string | null> = {
  received: null,
  chat: '已发到微信聊天',
  notification: '聊天窗口已关闭，已改为订阅消息和消息中心通知',
  undelivered: '未送达',
};

/** The assignee (by name: the page does not carry the assignee's id) or a supervisor answers; the server decides for sure. */
export function mayReply(ticket: TicketDetailDto, user: UserProfileDto | null): boolean {
  if (!user || ticket.channel !== Channel.WechatChat) return false;
  return (
    user.role === Role.Supervisor ||
    (user.role === Role.Assistant && ticket.assigneeName === user.name)
  );
}

const who = (m: ChatMessageDto, forResident: boolean) =>
  m.direction === 'in' ? (forResident ? '我' : '住户') : (m.authorName ?? '自动回复');

/**
 * 微信客服对话: the WeChat customer-service messages about a ticket that came in through the chat, and for the
 * assignee or a supervisor a reply box. The reply goes into the resident's chat while its window is open
 * (48 h after the resident's last message), otherwise as a subscribe message and inbox note; the card says which.
 */
export function TicketChatCard({
  ticket,
  user,
}: {
  ticket: TicketDetailDto;
  user: UserProfileDto | null;
}) {
  const [messages, setMessages] = useState<ChatMessageDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [text, setText] = useState('');
  const replying = useAction((body: string) => chatApi.reply(ticket.id, { text: body }));
  const [outcome, setOutcome] = useState<{ text: string; inChat: boolean } | null>(null);
  const isChat = ticket.channel === Channel.WechatChat;
  const forResident = user?.role === Role.Resident;

  const load = useCallback(async () => {
    if (!isChat) return;
    try {
      setMessages(await chatApi.ticketChat(ticket.id));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [isChat, ticket.id]);
  // Reload when the ticket changes (an action, a pull to refresh): the chat may have moved on too.
  useEffect(() => void load(), [load, ticket.version]);

  if (!isChat) return null;

  const send = async () => {
    const body = text.trim();
    if (!body) return;
    const sent = await replying.run(body);
    if (!sent.ok) return;
    const after = sent.data;
    setMessages(after);
    setText('');
    const mine = [...after]
      .reverse()
      .find((m) => m.direction === 'out' && m.authorName === user?.name);
    const inChat = mine?.delivery === 'chat';
    setOutcome({
      inChat,
      text: inChat
        ? '已发到住户的微信聊天'
        : '住户的聊天窗口已关闭（超过 48 小时），已改为订阅消息和消息中心通知住户',
    });
    void Taro.showToast({ title: inChat ? '已发到微信聊天' : '已改为消息通知', icon: 'none' });
  };

  return (
    <View className="card ticket-chat">
      <Text className="section-title">微信客服对话</Text>
      {failed ? (
        <View className="ticket-chat__empty">
          <Text className="muted">对话暂时加载不出来</Text>
          <Button size="small" onClick={() => void load()}>
            重试
          </Button>
        </View>
      ) : messages === null ? (
        <Text className="muted">正在加载对话…</Text>
      ) : messages.length === 0 ? (
        <Text className="muted">还没有对话记录</Text>
      ) : (
        messages.map((m) => (
          <View key={m.id} className={`ticket-chat__msg ticket-chat__msg--${m.direction}`}>
            <View className="ticket-chat__meta">
              <Text className="ticket-chat__who">{who(m, forResident)}</Text>
              <Text className="muted">{formatTime(m.createdAt)}</Text>
            </View>
            {/* A card's text is its title: shown once, as the card. */}
            {m.card && m.text === m.card.title ? null : (
              <Text className="ticket-chat__text">{m.text}</Text>
            )}
            {m.card ? (
              <Text className="ticket-chat__card">{`[小程序卡片] ${m.card.title}`}</Text>
            ) : null}
            {!forResident && DELIVERY_LABELS[m.delivery] ? (
              <Text className={`ticket-chat__delivery ticket-chat__delivery--${m.delivery}`}>
                {DELIVERY_LABELS[m.delivery]}
              </Text>
            ) : null}
          </View>
        ))
      )}
      {mayReply(ticket, user) ? (
        <View className="ticket-chat__reply">
          <TextArea
            value={text}
            onChange={setText}
            maxLength={CHAT_REPLY_MAX}
            rows={2}
            placeholder="回复住户：聊天窗口开着时发到微信聊天，否则改为消息通知"
          />
          <Button
            block
            type="primary"
            loading={replying.running}
            disabled={!text.trim()}
            onClick={() => void send()}
          >
            回复住户
          </Button>
          {outcome ? (
            <Text
              className={`ticket-chat__outcome${outcome.inChat ? '' : ' ticket-chat__outcome--notification'}`}
            >
              {outcome.text}
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
