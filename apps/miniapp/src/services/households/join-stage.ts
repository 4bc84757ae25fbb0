import { JoinRequestDto } from '@linli/contracts';

export type JoinStageTone = 'waiting' | 'done' | 'refused' | 'withdrawn';

/** Where an application to join a room stands, in the words the applicant reads on the home page. */
export interface JoinStage {
  label: '待业主同意' | '待物业审核' | '已通过' | '已拒绝' | '已撤回';
  tone: JoinStageTone;
  /** One line under the label: what happens next, or why it was refused. */
  detail: string;
}

export function joinStage(
  r: Pick<JoinRequestDto, 'status' | 'waitingFor' | 'rejectReason' | 'rejectedByName'>,
): JoinStage {
  switch (r.status) {
    case 'pending':
      return r.waitingFor[0] === 'owner'
        ? {
            label: '待业主同意',
            tone: 'waiting',
            detail: r.waitingFor.includes('office')
              ? '业主同意后，由物业服务中心审核'
              : '业主同意后即可使用',
          }
        : { label: '待物业审核', tone: 'waiting', detail: '物业服务中心审核通过后即可使用' };
    case 'approved':
      return { label: '已通过', tone: 'done', detail: '房屋已绑定，可以报事了' };
    case 'rejected':
      return {
        label: '已拒绝',
        tone: 'refused',
        detail: `${r.rejectedByName ? `${r.rejectedByName}：` : ''}${r.rejectReason ?? '未说明原因'}`,
      };
    case 'cancelled':
      return { label: '已撤回', tone: 'withdrawn', detail: '您已撤回此申请' };
  }
}

/** The application the home page shows: the newest one still open, else the newest decided one (withdrawn ones are not news). */
export function currentJoinRequest(mine: JoinRequestDto[]): JoinRequestDto | null {
  const newestFirst = [...mine].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    newestFirst.find((r) => r.status === 'pending') ??
    newestFirst.find((r) => r.status !== 'cancelled') ??
    null
  );
}
