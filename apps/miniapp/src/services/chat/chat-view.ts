/**
 * What the demo chat window draws from the local WeChat server's record of a conversation: WeChat's
 * bubbles and cards, without the typing indicators and events a person never sees as messages.
 */
import type { ConversationEntry } from '@linli/wechat-local';

/**
 * One line of the local WeChat server's conversation, as its debug route returns it: the server's own
 * type (a type-only import: nothing of the local server is bundled into the mini-program).
 */
export type LocalChatEntry = ConversationEntry;

/** `time`: the instant to show above the bubble (WeChat shows one after a pause of 5 minutes or more), else null. */
export type ChatBubble = { key: string; time: string | null } & (
  | { kind: 'text'; mine: boolean; text: string; failed: boolean }
  | { kind: 'card'; mine: boolean; title: string; description: string | null; page: string | null }
  | { kind: 'note'; text: string }
);

const PAUSE_MS = 5 * 60_000;

/** A mini-program card's page as a route the app can open ('/subpackages/…'); tab pages are switched to. */
export function cardRoute(pagePath: string | undefined): string | null {
  if (!pagePath) return null;
  const path = pagePath.startsWith('/') ? pagePath : `/${pagePath}`;
  return /^\/(pages|subpackages)\//.test(path) ? path : null;
}

export const isTabPage = (route: string) => /^\/pages\/(home|tickets|me)\/index(\?|$)/.test(route);

/** The typing indicator is on while the product's latest word about it is "typing" and no message has come after it. */
export function isTyping(entries: LocalChatEntry[]): boolean {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.direction === 'out' && e.type === 'typing') return e.typing === true;
    if (e.direction === 'out') return false;
  }
  return false;
}

export function chatBubbles(entries: LocalChatEntry[]): ChatBubble[] {
  const bubbles: ChatBubble[] = [];
  let previous: number | null = null;
  entries.forEach((e, i) => {
    const mine = e.direction === 'in';
    if (e.type === 'typing' || e.type === 'enter') return;
    const at = Date.parse(e.at);
    const time = previous === null || at - previous >= PAUSE_MS ? e.at : null;
    previous = at;
    const key = `${i}`;
    if (e.type === 'transfer_customer_service')
      bubbles.push({ key, time, kind: 'note', text: '已转接人工客服' });
    else if (e.type === 'text')
      bubbles.push({
        key,
        time,
        kind: 'text',
        mine,
        text: e.text ?? '',
        failed: mine && e.delivered === false,
      });
    else if (e.type === 'image')
      bubbles.push({
        key,
        time,
        kind: 'text',
        mine,
        text: '[图片]',
        failed: mine && e.delivered === false,
      });
    else if (e.type === 'miniprogrampage')
      bubbles.push({
        key,
        time,
        kind: 'card',
        mine,
        title: e.title ?? '小程序',
        description: null,
        page: cardRoute(e.pagePath),
      });
    else if (e.type === 'link')
      bubbles.push({
        key,
        time,
        kind: 'card',
        mine,
        title: e.title ?? '链接',
        description: e.description ?? null,
        page: null,
      });
  });
  return bubbles;
}
