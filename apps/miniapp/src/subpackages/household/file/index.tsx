import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { HouseholdFileDto, MEMBER_ROLE_LABELS, TICKET_STATUS_LABELS, TicketStatus, WECHAT_REACH_LABELS } from '@linli/contracts';
import { api } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { showError } from '../../../services/http';
import { JOIN_APPROVALS_PAGE, officeMoveOutsPage, reportOnBehalfPage, ticketDetailPage } from '../../../services/routes';
import { MembershipHistory } from '../../../components/membership-history';
import '../household.scss';

/** A household's file for the building's assistant: members, tickets, and the notes (every opening is audited). */
export default function HouseholdFilePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [file, setFile] = useState<HouseholdFileDto | null>(null);
  const [note, setNote] = useState('');
  const load = () => api.householdFile(id).then(setFile, showError);
  useDidShow(() => void load());
  const save = async () => {
    if (!note.trim()) return;
    try {
      await api.addNote(id, { text: note.trim() });
      setNote('');
      await load();
    } catch (err) {
      showError(err);
    }
  };
  if (!file) return <View className='page' />;
  return (
    <View className='page household'>
      <View className='card'>
        <Text className='household__room'>{file.roomLabel}</Text>
        <Text className='muted'>档案查阅会被记录，仅限本楼栋管家与管理处主任</Text>
      </View>
      {file.pendingOfficeApprovals > 0 ? (
        <View className='card household__pending' onClick={() => void Taro.navigateTo({ url: JOIN_APPROVALS_PAGE })}>
          <Text className='section-title'>{`${file.pendingOfficeApprovals} 个入住申请待物业审核`}</Text>
          <Text className='muted'>租户、借住亲属加入本房屋，需物业审核</Text>
        </View>
      ) : null}
      <CellGroup title='住户'>
        {file.members.map((m) => (
          <Cell
            key={m.id}
            title={`${m.name}（${MEMBER_ROLE_LABELS[m.role]}${m.relationship ? ` · ${m.relationship}` : ''}）`}
            description={[m.idNumber, m.moveInDate ? `${m.moveInDate} 入住` : null, m.wechatReach ? WECHAT_REACH_LABELS[m.wechatReach] : null].filter(Boolean).join(' · ')}
            extra={m.phone ?? ''}
            clickable={m.phone !== null}
            onClick={() => m.phone && void Taro.makePhoneCall({ phoneNumber: m.phone })}
          />
        ))}
      </CellGroup>
      <View className='card'>
        <Text className='section-title'>管家备注</Text>
        {file.notes.map((n) => (
          <View key={n.id} className='household__note'>
            <Text>{n.text}</Text>
            <Text className='muted'>
              {n.authorName} · {formatTime(n.at)}
            </Text>
          </View>
        ))}
        <TextArea value={note} onChange={setNote} placeholder='家庭情况、联系偏好（如“上午10点前勿电话”）等' maxLength={500} rows={2} />
        <Button size='small' type='primary' onClick={() => void save()}>
          添加备注
        </Button>
      </View>
      <View className='household__actions'>
        <Button type='primary' block onClick={() => void Taro.navigateTo({ url: reportOnBehalfPage(id, file.roomLabel) })}>
          代客报事
        </Button>
        <Button block onClick={() => void Taro.navigateTo({ url: officeMoveOutsPage(id, file.roomLabel) })}>
          搬出申请记录
        </Button>
      </View>
      <MembershipHistory events={file.history} />
      <CellGroup title='报事记录'>
        {file.tickets.length === 0 ? <Cell title='暂无报事记录' /> : null}
        {file.tickets.map((t) => (
          <Cell key={t.id} title={`${t.categoryName} · ${t.code}`} description={formatTime(t.createdAt)} extra={TICKET_STATUS_LABELS[t.status as TicketStatus] ?? t.status} clickable onClick={() => void Taro.navigateTo({ url: ticketDetailPage(t.id) })} />
        ))}
      </CellGroup>
    </View>
  );
}
