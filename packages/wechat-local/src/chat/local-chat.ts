import { ChatState, ConversationEntry, UserChatMessage } from './chat-state';
import { deliverPush, pushFields, PushResult, PushTarget } from './pusher';

/** The simulated customer-service chat: users who write, WeChat pushing it to the product, what the product sent. */
export interface LocalChat {
  /** Where pushes go (the mini-program admin's 消息推送 settings). Until set, a user's message is recorded but not pushed. */
  configurePush(target: PushTarget): void;
  /** A simulated user writes (text, image, a mini-program card): recorded, then pushed like WeChat pushes it. */
  userSays(
    openid: string,
    message: Exclude<UserChatMessage, { type: 'enter' }>,
  ): Promise<PushResult>;
  /** A simulated user opens the chat from a contact button with this session-from (user_enter_tempsession). */
  enter(openid: string, sessionFrom: string): Promise<PushResult>;
  /** Both directions in order, with the local clock's timestamps. */
  conversation(openid: string): ConversationEntry[];
  /** Every push made, oldest first, with each try. */
  pushes: { openid: string; result: PushResult }[];
}

export function createLocalChat(appid: string, state: ChatState, now: () => number): LocalChat {
  let target: PushTarget | null = null;
  const pushes: { openid: string; result: PushResult }[] = [];

  async function push(openid: string, message: UserChatMessage): Promise<PushResult> {
    const fields = pushFields('gh_localminiapp', openid, message, Math.floor(now() / 1000));
    state.act(openid, message.type === 'enter' ? 'enter' : 'message', now());
    const entry = state.record(openid, {
      direction: 'in',
      type: message.type,
      ...(message.type === 'text' ? { text: message.text } : {}),
      ...(message.type === 'enter' ? { sessionFrom: message.sessionFrom } : {}),
      ...(message.type === 'image'
        ? { mediaId: String(fields.MediaId), picUrl: String(fields.PicUrl) }
        : {}),
      ...(message.type === 'miniprogrampage'
        ? { pagePath: message.pagePath, title: message.title }
        : {}),
    });
    const result: PushResult = target
      ? await deliverPush(target, appid, fields, now)
      : { delivered: false, attempts: [] };
    entry.delivered = result.delivered;
    pushes.push({ openid, result });
    if (result.reply && result.reply.includes('transfer_customer_service'))
      state.record(openid, { direction: 'out', type: 'transfer_customer_service' });
    return result;
  }

  return {
    configurePush: (t) => void (target = t),
    userSays: (openid, message) => push(openid, message),
    enter: (openid, sessionFrom) => push(openid, { type: 'enter', sessionFrom }),
    conversation: (openid) => state.conversation(openid),
    pushes,
  };
}

/** The HTTP inspection API (tests, the H5 demo chat window): null when the path is not one of its routes. */
export async function localChatRoute(
  chat: LocalChat,
  method: string,
  path: string,
  body: unknown,
  clock: { advance(ms: number): number },
): Promise<{ status: number; body: unknown } | null> {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (method === 'POST' && path === '/__local/clock') {
    const ms = Number(b.advanceMs);
    if (!Number.isFinite(ms) || ms < 0)
      return { status: 400, body: { error: 'advanceMs must be a number ≥ 0' } };
    return { status: 200, body: { now: new Date(clock.advance(ms)).toISOString() } };
  }
  const m = /^\/__local\/chat\/users\/([^/]+)\/(messages|enter|conversation)$/.exec(path);
  if (!m) return null;
  const openid = decodeURIComponent(m[1]);
  if (m[2] === 'conversation' && method === 'GET')
    return { status: 200, body: { openid, entries: chat.conversation(openid) } };
  if (m[2] === 'enter' && method === 'POST') {
    const result = await chat.enter(openid, typeof b.sessionFrom === 'string' ? b.sessionFrom : '');
    return { status: 200, body: result };
  }
  if (m[2] === 'messages' && method === 'POST') {
    if (b.type === 'text' && typeof b.text === 'string' && b.text.trim() !== '')
      return { status: 200, body: await chat.userSays(openid, { type: 'text', text: b.text }) };
    if (b.type === 'image')
      return { status: 200, body: await chat.userSays(openid, { type: 'image' }) };
    if (
      b.type === 'miniprogrampage' &&
      typeof b.pagePath === 'string' &&
      typeof b.title === 'string'
    ) {
      return {
        status: 200,
        body: await chat.userSays(openid, {
          type: 'miniprogrampage',
          pagePath: b.pagePath,
          title: b.title,
        }),
      };
    }
    return {
      status: 400,
      body: {
        error:
          "body must be {type:'text',text} | {type:'image'} | {type:'miniprogrampage',pagePath,title}",
      },
    };
  }
  return { status: 405, body: { error: 'method not allowed' } };
}
