import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { JOIN_APPROVER_LABELS, JoinRequestDto, MEMBER_ROLE_LABELS, Role } from '@linli/contracts';
import { QueryStatus } from '../../../components/query-status';
import { api } from '../../../services/api/api';
import { useAction } from '../../../services/request/use-action';
import { useQuery } from '../../../services/request/use-query';
import { formatTime } from '../../../services/app/format';
import { session } from '../../../services/session/session';
import '../household.scss';

/** 入住审批: join requests waiting for the caller, as owner (their household) or as the office (their buildings). */
export default function JoinApprovalsPage() {
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const staff = session.user()?.role !== Role.Resident;
  const query = useQuery<JoinRequestDto[]>(() => api.pendingJoinRequests(), []);
  const { data: items, reload: load } = query;

  const approval = useAction((r: JoinRequestDto) => api.approveJoinRequest(r.id), {
    success: (done) =>
      done.status === 'approved' ? `${done.name} 已加入` : '已同意，等待物业审核',
    then: () => load(),
  });
  const rejection = useAction(
    (r: JoinRequestDto) => api.rejectJoinRequest(r.id, { reason: reason.trim() }),
    {
      success: '已拒绝',
      then: () => {
        setRejecting(null);
        setReason('');
        return load();
      },
    },
  );
  const reject = (r: JoinRequestDto) => {
    if (!reason.trim()) return void Taro.showToast({ title: '请填写原因', icon: 'none' });
    void rejection.run(r);
  };

  return (
    <View className="page household">
      <QueryStatus query={query} empty="没有待审批的入住申请" />
      {(items ?? []).map((r) => (
        <View key={r.id} className="card household__request">
          <Text className="section-title">{`${r.name}（${MEMBER_ROLE_LABELS[r.role]}${r.relationship ? ` · ${r.relationship}` : ''}）`}</Text>
          <Text>{`申请加入 ${r.communityName} ${r.roomLabel}`}</Text>
          <Text className="muted">{`联系电话 ${r.phone}`}</Text>
          <Text className="muted">{`${formatTime(r.createdAt)} 提交 · 需${r.approvers.map((a) => JOIN_APPROVER_LABELS[a]).join('和')}同意`}</Text>
          {r.approvals.map((a) => (
            <Text
              key={a.as}
              className="muted"
            >{`${JOIN_APPROVER_LABELS[a.as]} ${a.byName} 已同意 · ${formatTime(a.at)}`}</Text>
          ))}
          {r.canDecideAs === 'owner' && staff ? (
            <Text className="muted">业主未使用小程序：请核实业主书面同意后代为确认</Text>
          ) : null}
          {rejecting === r.id ? (
            <View className="household__reject-form">
              <TextArea
                value={reason}
                onChange={setReason}
                placeholder="拒绝原因（申请人可见）"
                maxLength={200}
                rows={2}
              />
              <View className="household__invite-buttons">
                <Button type="danger" loading={rejection.running} onClick={() => reject(r)}>
                  确认拒绝
                </Button>
                <Button onClick={() => setRejecting(null)}>取消</Button>
              </View>
            </View>
          ) : (
            <View className="household__invite-buttons">
              <Button
                type="primary"
                loading={approval.running}
                onClick={() => void approval.run(r)}
              >
                {r.canDecideAs === 'office' ? '物业审核通过' : '同意加入'}
              </Button>
              <Button onClick={() => (setRejecting(r.id), setReason(''))}>拒绝</Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
