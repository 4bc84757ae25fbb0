import { Role } from '@linli/contracts';
import { MeContext, ME_GROUPS, showsDemoClock, visibleGroups } from './menu';

const ctx = (role: Role, extra: Partial<MeContext> = {}): MeContext => ({
  role,
  bound: false,
  unread: 0,
  hotline: '400-800-1234',
  ...extra,
});
const titles = (c: MeContext) =>
  visibleGroups(ME_GROUPS, c).map((g) => [g.title, g.entries.map((e) => e.title)]);

describe('我的: who sees which group and entry', () => {
  it('a bound resident sees their home and services, no longer 申请加入房屋 or 绑定房屋, and no staff tools', () => {
    expect(titles(ctx(Role.Resident, { bound: true }))).toEqual([
      ['我的房屋', ['我的房屋', '入住审批', '入住登记', '搬出申请', '我的放行条']],
      ['我的服务', ['节日问候', '通知公告', '社区活动', '我的问卷', '消息中心', '物业服务热线']],
    ]);
  });

  it('a newcomer without a room sees how to get one', () => {
    expect(titles(ctx(Role.Resident))).toEqual([
      ['我的房屋', ['绑定房屋', '申请加入房屋']],
      ['我的服务', ['通知公告', '消息中心', '物业服务热线']],
    ]);
  });

  it.each([
    [
      Role.Assistant,
      [
        '住户档案',
        '入住审批',
        '入住登记审核',
        '搬出审批',
        '我的回访',
        '礼品发放',
        '电话任务',
        '值班表',
        '停水停电通知',
        '我的名片',
      ],
      ['服务时限标准', '工作日历'],
    ],
    [
      Role.Supervisor,
      [
        '数据看板',
        '住户档案',
        '入住审批',
        '入住登记审核',
        '搬出审批',
        '我的回访',
        '回访抽查',
        '满意度调查',
        '节日关怀',
        '礼品发放',
        '电话任务',
        '工作安排通知单',
        '值班表',
        '停水停电通知',
        '我的名片',
      ],
      ['服务时限标准', '工作日历', '报事类别', '楼栋房屋管理', '住户资料导入', '档案查阅记录'],
    ],
    [
      Role.Admin,
      [
        '数据看板',
        '住户档案',
        '入住审批',
        '入住登记审核',
        '搬出审批',
        '满意度调查',
        '电话任务',
        '工作安排通知单',
        '停水停电通知',
      ],
      [
        '服务时限标准',
        '工作日历',
        '报事类别',
        '楼栋房屋管理',
        '住户资料导入',
        '档案查阅记录',
        '微信消息投递',
      ],
    ],
  ])(
    '%s sees 工作台 and 管理 entries for their role, never a resident entry',
    (role, work, admin) => {
      expect(titles(ctx(role))).toEqual([
        ['工作台', work],
        [
          '我的服务',
          role === Role.Admin
            ? ['通知公告', '消息中心', '物业服务热线']
            : ['通知公告', '社区活动', '消息中心', '物业服务热线'],
        ],
        ['管理', admin],
      ]);
    },
  );

  it('the gate guard sees the one thing they do (and the hotline), not the message centre', () => {
    expect(titles(ctx(Role.Guard))).toEqual([
      ['工作台', ['核验放行条']],
      ['我的服务', ['物业服务热线']],
    ]);
  });

  it('works out values, and drops the hotline when the company has none', () => {
    const groups = visibleGroups(
      ME_GROUPS,
      ctx(Role.Resident, { bound: true, unread: 3, hotline: null }),
    );
    const service = groups.find((g) => g.key === 'service')!;
    const features = [
      ['节日问候', '物业送来的节日贺卡'],
      ['通知公告', '物业通知 · 停水停电'],
      ['社区活动', '报名 · 签到码'],
      ['我的问卷', '满意度调查 · 结果'],
    ];
    expect(service.entries.map((e) => [e.title, e.value])).toEqual([
      ...features,
      ['消息中心', '3 条未读'],
    ]);
    const none = visibleGroups(ME_GROUPS, ctx(Role.Resident, { bound: true, unread: 0 }));
    expect(none.find((g) => g.key === 'service')!.entries.map((e) => [e.title, e.value])).toEqual([
      ...features,
      ['消息中心', undefined],
      ['物业服务热线', '400-800-1234'],
    ]);
  });

  it.each([
    [Role.Resident, true, false],
    [Role.Assistant, true, true],
    [Role.Guard, true, true],
    [Role.Supervisor, false, false],
  ])('the demo clock: %s in a demo build %s → %s', (role, demo, shown) => {
    expect(showsDemoClock(role, demo)).toBe(shown);
  });
});
