import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  MEMBER_ROLE_LABELS,
  MOVE_OUT_SCOPE_LABELS,
  MOVE_OUT_STATUS_LABELS,
  MoveOutDto,
  MoveOutStatus,
  OWNER_AUTHORISATION_LABELS,
} from '@linli/contracts';
import { QrCode } from '../../../components/qr-code';
import { SlipDetails } from '../../../components/slip-card';
import { QueryStatus } from '../../../components/query-status';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { formatTime } from '../../../services/app/format';
import { MOVE_OUT_APPLY_PAGE } from '../../../services/app/routes';
import { attempt } from '../../../services/request/result';
import '../household.scss';

/**
 * 我的放行条: the household's move-out applications (an owner sees all and authorises a tenant's or an
 * agent's; anyone else sees their own), each approved one with its release slip: the code large and as a QR code.
 */
export default function MySlipsPage() {
  const query = useQuery<MoveOutDto[]>(() => api.myMoveOuts(), []);
  const { data: items, reload: load } = query;
  const run = async (work: () => Promise<unknown>, done: string) => {
    await attempt(async () => {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await load();
    });
  };
  const refuse = async (m: MoveOutDto) => {
    const answer = await Taro.showModal({
      title: '不同意搬出',
      content: `不同意 ${m.applicant.name} ${m.moveDate} 的搬出申请？`,
    });
    if (answer.confirm)
      await run(() => api.moveOutOwnerDecision(m.id, { approve: false }), '已回复');
  };
  return (
    <View className="page household">
      <Button
        type="primary"
        block
        onClick={() => void Taro.navigateTo({ url: MOVE_OUT_APPLY_PAGE })}
      >
        新的搬出申请
      </Button>
      <QueryStatus query={query} empty="还没有搬出申请" />
      {(items ?? []).map((m) => (
        <View key={m.id} className="card move-out">
          <View className="move-out__head">
            <Text className="section-title">{`${m.moveDate} ${MOVE_OUT_SCOPE_LABELS[m.scope]}`}</Text>
            <Text className={`move-out__status move-out__status--${m.status}`}>
              {MOVE_OUT_STATUS_LABELS[m.status]}
            </Text>
          </View>
          <Text className="muted">{`${m.applicant.name}（${MEMBER_ROLE_LABELS[m.applicant.role]}）${formatTime(m.createdAt)} 申请`}</Text>
          <Text>{m.items.join('、')}</Text>
          {m.ownerAuthorisation ? (
            <Text className="muted">{OWNER_AUTHORISATION_LABELS[m.ownerAuthorisation]}</Text>
          ) : null}
          {m.rejectReason ? (
            <Text className="move-out__reason">{`原因：${m.rejectReason}`}</Text>
          ) : null}
          {m.slip ? (
            <View className="move-out__slip">
              <Text className="muted">放行码（搬出时向门岗出示）</Text>
              <Text className="household__code-value move-out__code">{m.slip.code}</Text>
              {m.status === MoveOutStatus.Approved ? <QrCode text={m.slip.code} /> : null}
              <SlipDetails slip={m.slip} />
            </View>
          ) : null}
          {m.can.ownerDecide ? (
            <View className="household__invite-buttons">
              <Button
                type="primary"
                onClick={() =>
                  void run(() => api.moveOutOwnerDecision(m.id, { approve: true }), '已授权')
                }
              >
                同意授权
              </Button>
              <Button onClick={() => void refuse(m)}>不同意</Button>
            </View>
          ) : null}
          {m.can.cancel ? (
            <Button size="small" onClick={() => void run(() => api.cancelMoveOut(m.id), '已撤销')}>
              撤销申请
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
