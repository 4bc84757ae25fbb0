import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  DEPARTMENT_NAMES,
  DepartmentName,
  TicketDetailDto,
  WORK_ORDER_STATUS_LABELS,
} from '@linli/contracts';
import { ChipChoice } from './chips';
import { api } from '../services/api/api';
import { useTicketStep } from './ticket-detail/use-ticket-step';
import { chinaInputToIso, formatTime } from '../services/app/format';
import './extension-card.scss';

const DEPARTMENTS = Object.keys(DEPARTMENT_NAMES) as DepartmentName[];

/**
 * 上报与工作安排 on a ticket (staff, docs/domain-rules.md §7): the handler who cannot solve it fills an escalation
 * slip (工作传签单); the supervisor names the responsible department with a work order (工作安排通知单);
 * the work orders about the ticket and their results are listed.
 */
export function EscalationCard({
  ticket,
  onChanged,
}: {
  ticket: TicketDetailDto;
  onChanged: (t: TicketDetailDto) => void;
}) {
  const [mode, setMode] = useState<'slip' | 'order' | null>(null);
  const [text, setText] = useState('');
  const [department, setDepartment] = useState<DepartmentName>('engineering');
  const [due, setDue] = useState('');
  const { run, busy } = useTicketStep(ticket.id, onChanged, () => {
    setMode(null);
    setText('');
    setDue('');
  });
  if (!ticket.canEscalate && !ticket.canIssueWorkOrder && ticket.workOrders.length === 0)
    return null;

  const sendSlip = () => {
    if (!text.trim())
      return void Taro.showToast({ title: '请写明需要上级解决的问题', icon: 'none' });
    run(
      () => api.escalationSlip(ticket.id, { version: ticket.version, reason: text.trim() }),
      '已上报管理处主任',
    );
  };
  const issue = () => {
    const dueAt = chinaInputToIso(due);
    if (!dueAt)
      return void Taro.showToast({
        title: '请按 2026-11-24 18:00 的格式填写完成时限',
        icon: 'none',
      });
    if (!text.trim()) return void Taro.showToast({ title: '请写明工作要求', icon: 'none' });
    run(
      () =>
        api.issueWorkOrder({ department, instructions: text.trim(), dueAt, ticketId: ticket.id }),
      `已下达至${DEPARTMENT_NAMES[department]}`,
    );
  };

  return (
    <View className="card extension-card">
      <Text className="extension-card__title">上报与工作安排</Text>
      {ticket.workOrders.map((o) => (
        <View
          key={o.id}
          className={`extension-card__item extension-card__item--${o.status === 'done' ? 'approved' : o.late ? 'rejected' : 'pending'}`}
        >
          <Text>{`${o.code} → ${o.departmentLabel} · ${WORK_ORDER_STATUS_LABELS[o.status]}${o.late ? ' · 已超时' : ''}`}</Text>
          <Text className="muted">{`${o.instructions}（${formatTime(o.dueAt)} 前）`}</Text>
          {o.result ? <Text className="muted">{`结果：${o.result}`}</Text> : null}
        </View>
      ))}
      {mode === null ? (
        <View className="extension-card__buttons">
          {ticket.canEscalate ? (
            <Button size="small" onClick={() => setMode('slip')}>
              填写工作传签单
            </Button>
          ) : null}
          {ticket.canIssueWorkOrder ? (
            <Button size="small" onClick={() => setMode('order')}>
              下达工作安排通知单
            </Button>
          ) : null}
        </View>
      ) : null}
      {mode === 'slip' ? (
        <View className="extension-card__form">
          <TextArea
            value={text}
            onChange={setText}
            placeholder="需要上级协调解决的问题"
            maxLength={300}
            rows={2}
          />
          <Button type="primary" block loading={busy} onClick={sendSlip}>
            上报管理处主任
          </Button>
        </View>
      ) : null}
      {mode === 'order' ? (
        <View className="extension-card__form">
          <ChipChoice
            options={DEPARTMENTS}
            value={department}
            label={(d) => DEPARTMENT_NAMES[d]}
            onChange={setDepartment}
          />
          <TextArea
            value={text}
            onChange={setText}
            placeholder="工作要求"
            maxLength={500}
            rows={2}
          />
          <Input
            value={due}
            onChange={setDue}
            placeholder="完成时限，如 2026-11-24 18:00"
            maxLength={16}
          />
          <Button type="primary" block loading={busy} onClick={issue}>
            下达
          </Button>
        </View>
      ) : null}
    </View>
  );
}
