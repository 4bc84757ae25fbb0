import { JoinRequestDto } from '@linli/contracts';
import { currentJoinRequest, joinStage } from './join-stage';

const req = (over: Partial<JoinRequestDto>): JoinRequestDto =>
  ({
    id: 'r',
    status: 'pending',
    waitingFor: [],
    rejectReason: null,
    rejectedByName: null,
    createdAt: '2026-12-01T00:00:00Z',
    ...over,
  }) as JoinRequestDto;

describe('joinStage: the application as the applicant reads it', () => {
  it.each([
    [
      { status: 'pending', waitingFor: ['owner', 'office'] },
      '待业主同意',
      '业主同意后，由物业服务中心审核',
    ],
    [{ status: 'pending', waitingFor: ['owner'] }, '待业主同意', '业主同意后即可使用'],
    [{ status: 'pending', waitingFor: ['office'] }, '待物业审核', '物业服务中心审核通过后即可使用'],
    [{ status: 'approved' }, '已通过', '房屋已绑定，可以报事了'],
    [
      { status: 'rejected', rejectedByName: '王女士', rejectReason: '不认识此人' },
      '已拒绝',
      '王女士：不认识此人',
    ],
    [{ status: 'cancelled' }, '已撤回', '您已撤回此申请'],
  ] as [Partial<JoinRequestDto>, string, string][])('%j → %s', (over, label, detail) => {
    expect(joinStage(req(over))).toMatchObject({ label, detail });
  });
});

describe('currentJoinRequest', () => {
  it('prefers the open application, then the newest decided one, never a withdrawn one', () => {
    const old = req({ id: 'old', status: 'rejected', createdAt: '2026-11-01T00:00:00Z' });
    const open = req({ id: 'open', status: 'pending', createdAt: '2026-11-02T00:00:00Z' });
    const withdrawn = req({ id: 'w', status: 'cancelled', createdAt: '2026-11-03T00:00:00Z' });
    expect(currentJoinRequest([old, open, withdrawn])?.id).toBe('open');
    expect(currentJoinRequest([old, withdrawn])?.id).toBe('old');
    expect(currentJoinRequest([withdrawn])).toBeNull();
    expect(currentJoinRequest([])).toBeNull();
  });
});
