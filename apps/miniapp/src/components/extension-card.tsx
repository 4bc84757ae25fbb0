import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { EXTENSION_STATUS_LABELS, SLA_MILESTONE_LABELS, TicketDetailDto } from '@linli/contracts';
import { api } from '../services/api/api';
import { useTicketStep } from './ticket-detail/use-ticket-step';
import { chinaInputToIso, formatTime } from '../services/app/format';
import './extension-card.scss';

/**
 * 延期 on a ticket (staff): the requests and decisions so far; the assignee asks for a later deadline
 * with the reason, the community's supervisor approves or refuses (with the reason) the pending one.
 */
export function ExtensionCard({
  ticket,
  onChanged,
}: {
  ticket: TicketDetailDto;
  onChanged: (t: TicketDetailDto) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [until, setUntil] = useState('');
  const [text, setText] = useState('');
  const { run, busy } = useTicketStep(ticket.id, onChanged, () => {
    setText('');
    setUntil('');
    setAsking(false);
  });
  const pending = ticket.extensions.find((e) => e.status === 'pending');
  if (ticket.extensions.length === 0 && !ticket.extensionActions.request) return null;

  const submit = () => {
    const iso = chinaInputToIso(until);
    if (!iso)
      return void Taro.showToast({ title: '请按 2026-11-30 18:00 的格式填写新期限', icon: 'none' });
    if (!text.trim()) return void Taro.showToast({ title: '请写明延期原因', icon: 'none' });
    run(
      () => api.requestExtension(ticket.id, { until: iso, reason: text.trim() }),
      '已提交，等待主任审批',
    );
  };
  const decide = (approve: boolean) => {
    if (!pending) return;
    if (!approve && !text.trim())
      return void Taro.showToast({ title: '驳回时请在意见中写明原因', icon: 'none' });
    run(
      () => api.decideExtension(pending.id, { approve, note: text.trim() || undefined }),
      approve ? '已批准延期' : '已驳回',
    );
  };

  return (
    <View className="card extension-card">
      <Text className="extension-card__title">延期</Text>
      {ticket.extensions.map((e) => (
        <View key={e.id} className={`extension-card__item extension-card__item--${e.status}`}>
          <Text>{`${SLA_MILESTONE_LABELS[e.milestone]}：${formatTime(e.previousDueAt)} → ${formatTime(e.requestedDueAt)} · ${EXTENSION_STATUS_LABELS[e.status]}`}</Text>
          <Text className="muted">{`${e.requestedByName}：${e.reason}`}</Text>
          {e.decidedByName ? (
            <Text className="muted">{`${e.decidedByName}${e.decisionNote ? `：${e.decisionNote}` : ''}`}</Text>
          ) : null}
        </View>
      ))}
      {ticket.extensionActions.decide && pending ? (
        <View className="extension-card__form">
          <TextArea
            value={text}
            onChange={setText}
            placeholder="审批意见（驳回时必填）"
            maxLength={200}
            rows={2}
          />
          <View className="extension-card__buttons">
            <Button type="primary" loading={busy} onClick={() => decide(true)}>
              批准延期
            </Button>
            <Button loading={busy} onClick={() => decide(false)}>
              驳回
            </Button>
          </View>
        </View>
      ) : null}
      {ticket.extensionActions.request && !asking ? (
        <Button size="small" onClick={() => setAsking(true)}>
          申请延期
        </Button>
      ) : null}
      {asking ? (
        <View className="extension-card__form">
          <Input
            value={until}
            onChange={setUntil}
            placeholder="新期限，如 2026-11-30 18:00"
            maxLength={16}
          />
          <TextArea
            value={text}
            onChange={setText}
            placeholder="延期原因（如等待配件、住户要求改期）"
            maxLength={200}
            rows={2}
          />
          <Button type="primary" block loading={busy} onClick={submit}>
            提交延期申请
          </Button>
        </View>
      ) : null}
    </View>
  );
}
