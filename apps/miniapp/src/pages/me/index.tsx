import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AppMetaDto, ROLE_LABELS, Role, STAFF_ROLES } from '@linli/contracts';
import { DemoClock } from '../../components/demo-clock';
import { api } from '../../services/api';
import { APPLY_HOUSEHOLD_PAGE, CALENDAR_PAGE, CALL_TASKS_PAGE, CATEGORIES_PAGE, DUTY_PAGE, GATE_PAGE, HOUSEHOLD_SHEET_PAGE, INBOX_PAGE, JOIN_APPROVALS_PAGE, JOIN_HOUSEHOLD_PAGE, LOGIN_PAGE, MOVE_IN_PAGE, MOVE_OUT_APPLY_PAGE, MY_HOUSEHOLD_PAGE, MY_SLIPS_PAGE, OFFICE_MOVE_INS_PAGE, OFFICE_MOVE_OUTS_PAGE, OUTAGES_PAGE, OUTBOX_ADMIN_PAGE, READ_LOG_PAGE, ROOMS_PAGE, SLA_POLICIES_PAGE, STAFF_PROFILE_PAGE, STRUCTURE_PAGE, WORK_ORDERS_PAGE } from '../../services/routes';
import { CARE_GIFTS_PAGE, CARE_GREETINGS_PAGE, CARE_PLANNER_PAGE, EVENTS_PAGE, NOTICES_PAGE } from '../../services/routes';
import { useUnread } from '../../services/use-unread';
import { session } from '../../services/session';
import { useRequiredUser } from '../../services/use-session';

export default function MePage() {
  const user = useRequiredUser({ refresh: true });
  const [meta, setMeta] = useState<AppMetaDto | null>(null);
  useDidShow(() => {
    api.meta().then(setMeta, () => setMeta(null));
  });
  const hotline = meta?.hotline;
  const guard = user !== null && user.role === Role.Guard;
  const unread = useUnread(user !== null && !guard);
  if (!user) return <View className='page' />;
  const staff = STAFF_ROLES.includes(user.role);
  const logout = () => {
    session.clear();
    void Taro.reLaunch({ url: LOGIN_PAGE });
  };
  return (
    <View className='page'>
      <CellGroup>
        <Cell title={user.name} description={ROLE_LABELS[user.role]} />
        {user.household ? <Cell title='房屋' extra={`${user.household.communityName} ${user.household.roomLabel}`} /> : null}
        {guard ? <Cell title='核验放行条' extra='输入或扫描放行码' clickable onClick={() => void Taro.navigateTo({ url: GATE_PAGE })} /> : null}
        {user.role === Role.Resident ? (
          user.household ? (
            <>
              <Cell title='我的房屋' extra='成员 · 管家 · 邀请' clickable onClick={() => void Taro.navigateTo({ url: MY_HOUSEHOLD_PAGE })} />
              <Cell title='入住登记' extra='家人、租户搬入 · 居住证' clickable onClick={() => void Taro.navigateTo({ url: MOVE_IN_PAGE })} />
              <Cell title='搬出申请' extra='搬出物品须提前申请' clickable onClick={() => void Taro.navigateTo({ url: MOVE_OUT_APPLY_PAGE })} />
              <Cell title='我的放行条' extra='放行码 · 业主授权' clickable onClick={() => void Taro.navigateTo({ url: MY_SLIPS_PAGE })} />
            </>
          ) : (
            <Cell title='绑定房屋' extra='输入邀请码' clickable onClick={() => void Taro.navigateTo({ url: JOIN_HOUSEHOLD_PAGE })} />
          )
        ) : null}
        {staff ? <Cell title='住户档案' extra='楼栋 · 房屋 · 备注' clickable onClick={() => void Taro.navigateTo({ url: ROOMS_PAGE })} /> : null}
        {user.role === Role.Resident ? <Cell title='申请加入房屋' extra='选择房号 · 业主/物业审核' clickable onClick={() => void Taro.navigateTo({ url: APPLY_HOUSEHOLD_PAGE })} /> : null}
        {staff || (user.role === Role.Resident && user.household) ? (
          <Cell title='入住审批' extra={staff ? '租户、借住亲属待物业审核' : '家人、租户的加入申请'} clickable onClick={() => void Taro.navigateTo({ url: JOIN_APPROVALS_PAGE })} />
        ) : null}
        {staff ? <Cell title='入住登记审核' extra='查验证件 · 业主同意 · 居住证' clickable onClick={() => void Taro.navigateTo({ url: OFFICE_MOVE_INS_PAGE })} /> : null}
        {staff ? <Cell title='搬出审批' extra='授权 · 结清费用 · 放行条 · 迁出' clickable onClick={() => void Taro.navigateTo({ url: OFFICE_MOVE_OUTS_PAGE })} /> : null}
        {!guard ? <Cell title='消息中心' extra={unread > 0 ? `${unread} 条未读` : ''} clickable onClick={() => void Taro.navigateTo({ url: INBOX_PAGE })} /> : null}
        {staff ? <Cell title='电话任务' extra='微信未送达的紧急通知' clickable onClick={() => void Taro.navigateTo({ url: CALL_TASKS_PAGE })} /> : null}
        {user.role === Role.Assistant || user.role === Role.Supervisor ? <Cell title='我的名片' extra='照片 · 擅长 · 服务电话' clickable onClick={() => void Taro.navigateTo({ url: STAFF_PROFILE_PAGE })} /> : null}
        {user.role === Role.Assistant || user.role === Role.Supervisor ? <Cell title='值班表' extra={user.role === Role.Supervisor ? '排班 · 派单优先值班人' : '查看'} clickable onClick={() => void Taro.navigateTo({ url: DUTY_PAGE })} /> : null}
        {user.role === Role.Supervisor || user.role === Role.Admin ? <Cell title='工作安排通知单' extra='部门接收 · 完成' clickable onClick={() => void Taro.navigateTo({ url: WORK_ORDERS_PAGE })} /> : null}
        {!guard ? <Cell title='通知公告' extra={staff ? '发布 · 已读回执' : '物业通知 · 停水停电'} clickable onClick={() => void Taro.navigateTo({ url: NOTICES_PAGE })} /> : null}
        {user.role === Role.Supervisor || user.role === Role.Assistant || (user.role === Role.Resident && user.household) ? (
          <Cell title='社区活动' extra={staff ? '报名名单 · 签到' : '报名 · 签到码'} clickable onClick={() => void Taro.navigateTo({ url: EVENTS_PAGE })} />
        ) : null}
        {user.role === Role.Supervisor ? <Cell title='节日关怀' extra='关怀日历 · 活动 · 覆盖率' clickable onClick={() => void Taro.navigateTo({ url: CARE_PLANNER_PAGE })} /> : null}
        {user.role === Role.Assistant || user.role === Role.Supervisor ? <Cell title='礼品发放' extra='节日礼品 · 上门关怀' clickable onClick={() => void Taro.navigateTo({ url: CARE_GIFTS_PAGE })} /> : null}
        {user.role === Role.Resident && user.household ? <Cell title='节日问候' extra='物业送来的节日贺卡' clickable onClick={() => void Taro.navigateTo({ url: CARE_GREETINGS_PAGE })} /> : null}
        {staff ? <Cell title='停水停电通知' extra={user.role === Role.Assistant ? '查看' : '发布 · 恢复'} clickable onClick={() => void Taro.navigateTo({ url: OUTAGES_PAGE })} /> : null}
        {staff ? <Cell title='服务时限标准' extra={user.role === Role.Admin ? '查看 · 调整' : '查看'} clickable onClick={() => void Taro.navigateTo({ url: SLA_POLICIES_PAGE })} /> : null}
        {staff ? <Cell title='工作日历' extra={user.role === Role.Admin ? '节假日 · 调休 · 调整' : '节假日 · 调休'} clickable onClick={() => void Taro.navigateTo({ url: CALENDAR_PAGE })} /> : null}
        {user.role === Role.Supervisor || user.role === Role.Admin ? <Cell title='档案查阅记录' extra='谁查阅了哪户档案' clickable onClick={() => void Taro.navigateTo({ url: READ_LOG_PAGE })} /> : null}
        {user.role === Role.Supervisor || user.role === Role.Admin ? <Cell title='报事类别' extra='部门 · 紧急 · 时限' clickable onClick={() => void Taro.navigateTo({ url: CATEGORIES_PAGE })} /> : null}
        {user.role === Role.Supervisor || user.role === Role.Admin ? (
          <Cell title='楼栋房屋管理' extra='楼栋 · 单元 · 房号 · 管家' clickable onClick={() => void Taro.navigateTo({ url: STRUCTURE_PAGE })} />
        ) : null}
        {user.role === Role.Supervisor || user.role === Role.Admin ? (
          <Cell title='住户资料导入' extra='模板 · 导入 · 导出' clickable onClick={() => void Taro.navigateTo({ url: HOUSEHOLD_SHEET_PAGE })} />
        ) : null}
        {user.role === Role.Admin ? <Cell title='微信消息投递' extra='发送失败 · 重发' clickable onClick={() => void Taro.navigateTo({ url: OUTBOX_ADMIN_PAGE })} /> : null}
        {hotline ? (
          <Cell title='物业服务热线' extra={hotline} clickable onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline })} />
        ) : null}
      </CellGroup>
      {meta?.demoMode ? <DemoClock /> : null}
      <Button block onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}
