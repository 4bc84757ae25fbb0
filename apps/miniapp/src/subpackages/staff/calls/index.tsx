import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Empty, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CallTaskDto, CallTaskStatus } from '@linli/contracts';
import { ListEnd } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { formatTime } from '../../../services/app/format';
import { ticketDetailPage } from '../../../services/app/routes';
import { attempt } from '../../../services/request/result';
import { Chip } from '../../../components/chips';
import '../staff.scss';

const TABS: { status: CallTaskStatus; label: string }[] = [
  { status: CallTaskStatus.Open, label: '待拨打' },
  { status: CallTaskStatus.Done, label: '已完成' },
  { status: CallTaskStatus.Ended, label: '已自动结束' },
];

/**
 * 电话任务: calls owed because WeChat could not carry an emergency's news (the person has no
 * subscription left, or no WeChat). Call, then record what was said.
 */
export default function CallTasksPage() {
  const [status, setStatus] = useState(CallTaskStatus.Open);
  const [writing, setWriting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  // Open calls are today's work (one list); done and ended ones grow with history and load as the list is scrolled.
  const list = usePagedList<CallTaskDto>(
    (cursor) => api.callTasks(status, cursor),
    (task) => task.id,
    [status],
  );
  const tasks = list.items;

  const choose = (which: CallTaskStatus) => setStatus(which);
  const finish = async (task: CallTaskDto) => {
    await attempt(async () => {
      await api.callTaskDone(task.id, { outcome: outcome.trim() });
      setWriting(null);
      setOutcome('');
      await Taro.showToast({ title: '已记录', icon: 'success' });
      await list.reload();
    });
  };

  return (
    <View className="page staff">
      <View className="chips">
        {TABS.map((t) => (
          <Chip key={t.status} active={t.status === status} onClick={() => choose(t.status)}>
            {t.label}
          </Chip>
        ))}
      </View>
      {tasks !== null && tasks.length === 0 ? (
        <Empty
          description={status === CallTaskStatus.Open ? '没有待拨打的电话' : '暂无记录'}
          image={<Text className="empty-mark">无</Text>}
        />
      ) : null}
      {(tasks ?? []).map((task) => (
        <View key={task.id} className="card staff__item call-task">
          <View className="staff__title">
            <Text>{task.calleeName}</Text>
            <Text className="muted">{task.calleePhone ?? '无登记电话'}</Text>
          </View>
          <Text className="staff__reason">{task.reason}</Text>
          <Text className="muted">
            {[
              task.ticketCode,
              formatTime(task.createdAt),
              task.callerName ? `由 ${task.callerName} 拨打` : '管理处值班拨打',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {task.status === CallTaskStatus.Done ? (
            <Text className="muted">{`${formatTime(task.doneAt ?? task.createdAt)} 已通知：${task.outcome ?? ''}`}</Text>
          ) : null}
          {task.status === CallTaskStatus.Ended ? (
            <Text className="muted">{`${formatTime(task.doneAt ?? task.createdAt)} 自动结束：${task.outcome ?? ''}`}</Text>
          ) : null}
          {task.status === CallTaskStatus.Open && writing === task.id ? (
            <TextArea
              value={outcome}
              onChange={setOutcome}
              maxLength={200}
              placeholder="通话结果，如：已告知师傅十分钟内到场"
            />
          ) : null}
          {task.status === CallTaskStatus.Open ? (
            <View className="staff__buttons">
              {task.calleePhone ? (
                <Button
                  type="primary"
                  size="small"
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: task.calleePhone! })}
                >
                  拨打
                </Button>
              ) : null}
              {writing === task.id ? (
                <Button
                  size="small"
                  disabled={outcome.trim().length === 0}
                  onClick={() => void finish(task)}
                >
                  保存结果
                </Button>
              ) : (
                <Button size="small" onClick={() => setWriting(task.id)}>
                  已通知
                </Button>
              )}
              {task.ticketId ? (
                <Button
                  size="small"
                  fill="none"
                  onClick={() => void Taro.navigateTo({ url: ticketDetailPage(task.ticketId!) })}
                >
                  查看工单
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
      <ListEnd list={list} whenEmpty />
    </View>
  );
}
