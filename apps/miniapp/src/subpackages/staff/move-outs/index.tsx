import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  HouseholdMemberDto,
  MEMBER_ROLE_LABELS,
  MOVE_OUT_SCOPE_LABELS,
  MOVE_OUT_STATUS_LABELS,
  MoveOutDto,
  MoveOutScope,
  OWNER_AUTHORISATION_LABELS,
} from '@linli/contracts';
import { SlipDetails } from '../../../components/slip-card';
import {
  DecisionRow,
  NoteActionRow,
  OfficeQueueHeader,
  useOfficeQueue,
} from '../../../components/office-queue';
import { api } from '../../../services/api/api';
import { formatTime } from '../../../services/app/format';
import { Chip } from '../../../components/chips';
import '../staff.scss';

/**
 * 搬出审批 (the building's assistant, the community's supervisor): applications to move out, oldest
 * date first. The office records the owner's written authorisation when the owner did not authorise in
 * the mini-program, marks the fees settled (whole move-outs), approves (a release slip is issued) or
 * rejects, and once the guard has let the goods out deregisters the members who left for good.
 * With ?householdId= it lists that household's applications (from the household file).
 */
export default function OfficeMoveOutsPage() {
  const { params } = useRouter();
  const householdId = params.householdId || undefined;
  const room = params.room ? decodeURIComponent(params.room) : '';
  const [members, setMembers] = useState<Record<string, HouseholdMemberDto[]>>({});
  const [leaving, setLeaving] = useState<Record<string, string[]>>({});
  const { items, run } = useOfficeQueue<MoveOutDto>(
    () => api.officeMoveOuts(householdId),
    [householdId],
    async (list) => {
      // Who may be deregistered: the current members of each household whose slip was used.
      for (const m of list.filter((x) => x.can.deregister)) {
        const file = await api.householdFile(m.householdId);
        setMembers((all) => ({ ...all, [m.id]: file.members }));
        setLeaving((all) => ({
          ...all,
          [m.id]:
            all[m.id] ?? (m.scope === MoveOutScope.Whole ? file.members.map((x) => x.id) : []),
        }));
      }
    },
  );
  const toggle = (id: string, memberId: string) =>
    setLeaving((all) => {
      const now = all[id] ?? [];
      return {
        ...all,
        [id]: now.includes(memberId) ? now.filter((x) => x !== memberId) : [...now, memberId],
      };
    });
  return (
    <View className="page staff">
      <OfficeQueueHeader
        room={room}
        title="搬出申请"
        items={items}
        empty={householdId ? '该户没有搬出申请' : '没有待处理的搬出申请'}
      />
      {(items ?? []).map((m) => (
        <View key={m.id} className="card staff__item move-out-office">
          <View className="staff__title">
            <Text>{`${m.roomLabel} · ${m.moveDate} ${MOVE_OUT_SCOPE_LABELS[m.scope]}`}</Text>
            <Text className="muted">{MOVE_OUT_STATUS_LABELS[m.status]}</Text>
          </View>
          <Text>{`${m.applicant.name}（${MEMBER_ROLE_LABELS[m.applicant.role]}）· ${formatTime(m.createdAt)} 申请`}</Text>
          <Text>{`物品：${m.items.join('、')}`}</Text>
          <Text>{`搬运人：${m.carrierName} ${m.carrierPhone}${m.vehiclePlate ? ` · ${m.vehiclePlate}` : ''}`}</Text>
          <Text className="muted">
            {m.ownerAuthorisation
              ? `${OWNER_AUTHORISATION_LABELS[m.ownerAuthorisation]}${m.ownerAuthorised ? ` · ${m.ownerAuthorised.name} ${formatTime(m.ownerAuthorised.at)}` : ''}`
              : '待业主授权'}
            {m.writtenAuthorisationNote ? `（${m.writtenAuthorisationNote}）` : ''}
          </Text>
          {m.scope === MoveOutScope.Whole ? (
            <Text className={m.feesSettled ? 'muted' : 'staff__error'}>
              {m.feesSettled
                ? `费用已结清 · ${m.feesSettled.name} ${formatTime(m.feesSettled.at)} 确认`
                : '整户搬出：费用尚未确认结清'}
            </Text>
          ) : null}
          {m.rejectReason ? (
            <Text className="staff__error">{`原因：${m.rejectReason}`}</Text>
          ) : null}
          {m.can.recordWrittenAuthorisation ? (
            <NoteActionRow
              placeholder="书面授权：业主身份证复印件、业主电话"
              label="登记业主书面授权"
              onSubmit={(note) =>
                void run(() => api.recordWrittenAuthorisation(m.id, { note }), '已登记')
              }
            />
          ) : null}
          {m.can.markFeesSettled && m.scope === MoveOutScope.Whole ? (
            <Button
              size="small"
              onClick={() => void run(() => api.markFeesSettled(m.id), '已确认')}
            >
              确认物业费、水电费已结清
            </Button>
          ) : null}
          {m.can.decide ? (
            <DecisionRow
              approveLabel="批准并出具放行条"
              rejectLabel="不批准"
              reasonPlaceholder="不批准的原因"
              onApprove={() =>
                void run(() => api.decideMoveOut(m.id, { approve: true }), '已出具放行条')
              }
              onReject={(reason) =>
                void run(() => api.decideMoveOut(m.id, { approve: false, reason }), '已回复')
              }
            />
          ) : null}
          {m.slip ? <SlipDetails slip={m.slip} /> : null}
          {m.can.deregister ? (
            <View className="move-out-office__row">
              <Text className="section-title">住户迁出登记（已离开的住户）</Text>
              {(members[m.id] ?? []).map((x) => (
                <Chip
                  key={x.id}
                  active={(leaving[m.id] ?? []).includes(x.id)}
                  onClick={() => toggle(m.id, x.id)}
                >
                  {`${x.name}（${MEMBER_ROLE_LABELS[x.role]}）`}
                </Chip>
              ))}
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  void run(
                    () => api.deregisterMembers(m.id, { memberIds: leaving[m.id] ?? [] }),
                    '已办理迁出',
                  )
                }
              >
                办理迁出
              </Button>
            </View>
          ) : null}
          {m.deregistered ? (
            <Text className="muted">{`已迁出：${m.deregistered.members.join('、')} · ${m.deregistered.name} ${formatTime(m.deregistered.at)}`}</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
