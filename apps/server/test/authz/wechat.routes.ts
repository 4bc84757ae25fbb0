// WeChat's message push. Public by design: WeChat calls it, no one logs in. It is authenticated by
// WeChat's signature over the configured Token (msg_signature in safe mode); the walk sends no signature,
// so every walker, signed in or not, is refused 401 (wechat-push.spec.ts asserts that refusal).
import type { Row } from './walk';

export const rows: Row[] = [
  {
    route: 'GET /api/wechat/push',
    kind: 'public',
    query: () => 'signature=walk&timestamp=1&nonce=1&echostr=walk',
  },
  {
    route: 'POST /api/wechat/push',
    kind: 'public',
    body: () => ({
      ToUserName: 'gh_walk',
      FromUserName: 'walk',
      CreateTime: 1,
      MsgType: 'text',
      Content: '走查',
      MsgId: 1,
    }),
  },
];
