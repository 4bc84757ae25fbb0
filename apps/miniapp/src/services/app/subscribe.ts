import Taro from '@tarojs/taro';
import { NOTIFICATION_KIND_LABELS, NotificationKind, SubscribeAnswer } from '@linli/contracts';
import { api } from '../api/api';

/**
 * Asks the user, at a moment they care (just reported a ticket, just took one on), to receive the
 * WeChat messages of these kinds, and reports the answers: each 'accept' lets the server send one
 * message of that template. WeChat's own dialog in the mini-program; in the H5 build (no WeChat) a
 * dialog standing in for it, so the path can be used and tested in a browser.
 * Never throws: a refusal or a failure only means the in-app inbox is the channel.
 */
export async function askForSubscriptions(kinds: NotificationKind[]): Promise<void> {
  try {
    const { templates } = await api.subscribeTemplates();
    const wanted = templates.filter((t) => kinds.includes(t.kind));
    if (wanted.length === 0) return;
    const tmplIds = wanted.map((t) => t.templateId);
    let results: Record<string, SubscribeAnswer>;
    if (process.env.TARO_ENV === 'weapp') {
      const res = (await Taro.requestSubscribeMessage({
        tmplIds,
        entityIds: [],
      })) as unknown as Record<string, string>;
      results = Object.fromEntries(
        tmplIds.map((id) => [id, (res[id] as SubscribeAnswer) ?? 'reject']),
      );
    } else {
      const names = wanted.map((t) => `「${NOTIFICATION_KIND_LABELS[t.kind]}」`).join('');
      const { confirm } = await Taro.showModal({
        title: '接收微信通知',
        content: `是否允许发送${names}通知到您的微信？`,
        confirmText: '允许',
        cancelText: '暂不',
      });
      results = Object.fromEntries(tmplIds.map((id) => [id, confirm ? 'accept' : 'reject']));
    }
    await api.reportSubscriptions({ results });
  } catch {
    // Declined, unsupported or offline: the inbox still carries every message.
  }
}
