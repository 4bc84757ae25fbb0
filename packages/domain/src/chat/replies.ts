/**
 * What the product says in the chat (Simplified Chinese), and the mini-program cards it sends.
 * Page paths are WeChat's miniprogrampage form: no leading slash.
 */
export const CHAT_PAGES = {
  home: 'pages/home/index',
  join: 'subpackages/household/join/index',
  surveys: 'subpackages/surveys/mine/index',
  ticket: (id: string) => `subpackages/ticket/detail/index?id=${encodeURIComponent(id)}`,
} as const;

export interface ChatCard {
  title: string;
  pagePath: string;
}

export const CHAT_TEXT = {
  bind: '您好！您的微信还没有绑定房屋，绑定后就可以直接在这里报事报修、查看进度。请点下面的卡片打开小程序绑定。',
  bindCard: { title: '绑定房屋', pagePath: CHAT_PAGES.join } as ChatCard,
  greet:
    '您好，这里是物业客服。请直接描述需要报修或咨询的事情（例如「厨房水管漏水」），我们会登记并尽快处理。',
  surveyInvite: (title: string) =>
    `您有一份问卷「${title}」待填写，回复「问卷」开始作答，每次一题，可回复「跳过」「暂停」。`,
  fallback:
    '抱歉，没能看懂您的意思。请直接描述需要报修或咨询的事情（例如「厨房水管漏水」），或点下面的卡片打开小程序。',
  fallbackCard: { title: '打开邻里物业小程序', pagePath: CHAT_PAGES.home } as ChatCard,
  fallbackHotline: (hotline: string) => `如需人工帮助，请拨打物业服务电话 ${hotline}。`,
  unsupportedMedia: '图片和卡片请在小程序的工单里上传。请用文字描述需要处理的事情。',
  intake: (code: string) =>
    `已收到，工单号 ${code}。我们会尽快安排处理，进展会在这里和小程序里告诉您。`,
  intakeEmergency: (code: string, hotline: string) =>
    `已按紧急情况登记，工单号 ${code}，值班人员会马上处理。情况紧急请直接拨打物业值班电话 ${hotline}。`,
  ticketCard: (code: string): string => `工单 ${code}`,
  staffReply: (code: string, text: string) => `【工单 ${code} 回复】${text}`,
  ratePrompt: (code: string) => `您的工单 ${code} 已处理完成。请为本次服务打分：回复 1–5`,
  rated: (stars: number) => `感谢您的评价（${stars} 分）！`,
  ratedLow: (stars: number) => `感谢您的评价（${stars} 分）。我们会重新处理，主管也会与您联系。`,
  rateGone: '这张工单已经不需要评价了，感谢您的反馈。',
  surveyPaused: '好的，问卷已暂停。回复「继续」可以接着答，也可以在小程序里接着填。',
  surveyNone: '目前没有需要您填写的问卷。',
  surveyRequired: '这道题需要回答。',
} as const;
