import { SlaMilestone, type SlaState, TicketKind } from '@linli/contracts';
import { CHINA_OFFSET_MS, chinaDateKey, formatChinaDateTime } from '../time/china-time';

/**
 * What a resident is promised on their ticket page: one sentence about the next thing that will happen
 * and by when ("维修人员将于今天 15:52 前上门", "预计12月16日内处理完成"), and whether it is on time.
 * Staff see every milestone, named in the same words (MILESTONE_WORDS), never by policy name.
 */

/** Each milestone in the words a resident would use. */
export const MILESTONE_WORDS: Record<SlaMilestone, string> = {
  [SlaMilestone.Respond]: '管家受理',
  [SlaMilestone.Arrive]: '上门/到场',
  [SlaMilestone.Resolve]: '处理完成',
  [SlaMilestone.Reply]: '答复住户',
};

export type PromiseTone = 'ok' | 'warning' | 'breached' | 'paused';

export interface TicketPromise {
  /** The promise itself. */
  text: string;
  /** Whether it is kept: 按时处理中 / 临近承诺时间 / 已超过承诺时间 / 已暂停计时. */
  status: string;
  tone: PromiseTone;
}

export interface PromiseInput {
  milestone: SlaMilestone;
  /** Null while paused. */
  dueAt: Date | null;
  state: SlaState;
  kind: TicketKind;
}

const STATUS: Record<PromiseTone, string> = {
  ok: '按时处理中',
  warning: '临近承诺时间',
  breached: '已超过承诺时间',
  paused: '已暂停计时',
};

/**
 * "今天 15:52", "明天 09:00", "12月16日 18:00"; a deadline at China midnight (the end of a working-day
 * limit, 24:00) reads as the day it closes: "12月15日内" (`endOfDay` true).
 */
export function promiseTime(due: Date, now: Date): { text: string; endOfDay: boolean } {
  const shifted = new Date(due.getTime() + CHINA_OFFSET_MS);
  const endOfDay = shifted.getTime() % 86_400_000 === 0;
  // 24:00 of a day is 00:00 of the next: name the day that ends.
  const day = endOfDay ? new Date(due.getTime() - 1) : due;
  const key = chinaDateKey(day);
  const today = chinaDateKey(now);
  const tomorrow = chinaDateKey(new Date(now.getTime() + 86_400_000));
  const [, m, d] = key.split('-').map(Number);
  const dayText = key === today ? '今天' : key === tomorrow ? '明天' : `${m}月${d}日`;
  if (endOfDay) return { text: dayText, endOfDay };
  return { text: `${dayText} ${shifted.toISOString().slice(11, 16)}`, endOfDay };
}

/** A deadline for staff, in China time; the end of a working-day limit reads as 24:00 of its last day, not 00:00 of the next. */
export function formatDeadline(due: Date): string {
  if ((due.getTime() + CHINA_OFFSET_MS) % 86_400_000 !== 0) return formatChinaDateTime(due);
  return `${chinaDateKey(new Date(due.getTime() - 1))} 24:00`;
}

/** The one promise for the resident, from the ticket's nearest unmet limit; null when none runs. */
export function residentPromise(current: PromiseInput | null, now: Date): TicketPromise | null {
  if (!current) return null;
  if (current.state === 'paused' || current.dueAt === null)
    return { text: '处理暂停中，恢复后继续计时', status: STATUS.paused, tone: 'paused' };
  const tone: PromiseTone = current.state;
  const when = promiseTime(current.dueAt, now);
  const by = when.endOfDay ? `${when.text}内` : `${when.text} 前`;
  const sentence = promiseSentence(current.milestone, current.kind, by);
  // Once late, the promise is told as what was promised: "管家原定今天 19:29 前受理".
  const text =
    tone === 'breached'
      ? sentence.replace(/^(.*?)(将于|预计)/, (_, who: string) => `${who}原定`)
      : sentence;
  return { text, status: STATUS[tone], tone };
}

function promiseSentence(milestone: SlaMilestone, kind: TicketKind, by: string): string {
  switch (milestone) {
    case SlaMilestone.Respond:
      return `管家将于${by}受理`;
    case SlaMilestone.Arrive:
      return kind === TicketKind.RepairHome
        ? `维修人员将于${by}上门`
        : kind === TicketKind.Complaint
          ? `管家将于${by}到场处理`
          : `工作人员将于${by}到场`;
    case SlaMilestone.Resolve:
      return `预计${by}处理完成`;
    case SlaMilestone.Reply:
      return `将于${by}答复您`;
  }
}
