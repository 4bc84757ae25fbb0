/* Formatting and default greetings of the care planner (节日关怀). */

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
export const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export const GREETINGS: Record<string, string> = {
  mid_autumn: '花好月圆，人月两团圆。物业服务中心祝您中秋快乐、阖家幸福！',
  spring_festival: '新春快乐！感谢您一年来对我们工作的支持，祝您新年万事如意。',
  double_ninth: '九九重阳，敬老爱老。祝您福寿安康，有事随时找管家。',
};
