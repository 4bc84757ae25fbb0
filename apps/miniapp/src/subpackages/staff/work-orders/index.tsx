import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { WORK_ORDER_STATUS_LABELS, WorkOrderDto } from '@linli/contracts';
import { ListEnd } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { formatTime } from '../../../services/app/format';
import { ticketDetailPage } from '../../../services/app/routes';
import { attempt } from '../../../services/request/result';
import '../staff.scss';

/**
 * 工作安排通知单: a department head's work orders (accept, report done with the result); a
 * supervisor sees all of the community's, open first by due time, with late ones marked.
 */
export default function WorkOrdersPage() {
  const [completing, setCompleting] = useState<string | null>(null);
  const [result, setResult] = useState('');
  // Open orders come whole with the first page; finished ones follow as the list is scrolled.
  const list = usePagedList<WorkOrderDto>(
    (cursor) => api.workOrders(cursor),
    (o) => o.id,
    [],
  );
  const items = list.items;
  const load = list.reload;

  const accept = async (o: WorkOrderDto) => {
    await attempt(async () => {
      await api.acceptWorkOrder(o.id);
      await load();
    });
  };
  const complete = async (o: WorkOrderDto) => {
    if (!result.trim()) return void Taro.showToast({ title: '请写明处理结果', icon: 'none' });
    await attempt(async () => {
      await api.completeWorkOrder(o.id, { result: result.trim() });
      setCompleting(null);
      setResult('');
      void Taro.showToast({ title: '已报告完成', icon: 'success' });
      await load();
    });
  };

  return (
    <View className="page staff">
      {items && items.length === 0 ? <Text className="muted">没有工作安排通知单</Text> : null}
      {(items ?? []).map((o) => (
        <View key={o.id} className="card staff__item work-order">
          <View className="staff__title">
            <Text>{`${o.code} · ${o.departmentLabel}`}</Text>
            <Text
              className={o.late ? 'staff__error' : 'muted'}
            >{`${WORK_ORDER_STATUS_LABELS[o.status]}${o.late ? ' · 已超时' : ''}`}</Text>
          </View>
          <Text className="staff__reason">{o.instructions}</Text>
          <Text className="muted">{`${o.issuedByName ?? ''} 下达 · ${formatTime(o.dueAt)} 前完成`}</Text>
          {o.ticketCode ? (
            <Text
              className="muted"
              onClick={() =>
                o.ticketId && void Taro.navigateTo({ url: ticketDetailPage(o.ticketId) })
              }
            >
              {`相关工单 ${o.ticketCode} ›`}
            </Text>
          ) : null}
          {o.result ? <Text>{`结果：${o.result}`}</Text> : null}
          {o.canAccept ? (
            <View className="staff__buttons">
              <Button type="primary" size="small" onClick={() => void accept(o)}>
                接收
              </Button>
            </View>
          ) : null}
          {o.canComplete && completing !== o.id ? (
            <View className="staff__buttons">
              <Button type="primary" size="small" onClick={() => setCompleting(o.id)}>
                报告完成
              </Button>
            </View>
          ) : null}
          {completing === o.id ? (
            <View className="staff__item">
              <TextArea
                value={result}
                onChange={setResult}
                placeholder="处理结果"
                maxLength={500}
                rows={2}
              />
              <Button type="primary" size="small" onClick={() => void complete(o)}>
                提交结果
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <ListEnd list={list} whenEmpty />
    </View>
  );
}
