import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AssistantCardDto, OutageNoticeDto, TicketSummaryDto } from '@linli/contracts';
// Not the package root: that would bring the whole domain and its holiday calendar into the main package.
import { OUTAGE_KIND_LABELS } from '@linli/domain/outages';
import { api } from '../services/api/api';
import { formatTime } from '../services/app/format';
import { residentPriorities } from '../services/tickets/home-priorities';
import { INBOX_PAGE, REPORT_PAGE, TICKETS_PAGE } from '../services/app/routes';
import { AssistantCard } from './assistant-card';
import { EmptyState } from './empty-state';
import { Section } from './section';
import { TicketCard } from './ticket-card';
import './resident-home.scss';

/**
 * A bound resident's home, what needs them first: tickets waiting for their confirmation and a running
 * emergency, then the report button and their latest tickets, then notices, then their 管家.
 */
export function ResidentHome({
  tickets,
  unread,
}: {
  tickets: TicketSummaryDto[] | null;
  unread: number;
}) {
  const [outages, setOutages] = useState<OutageNoticeDto[]>([]);
  const [assistants, setAssistants] = useState<AssistantCardDto[]>([]);
  useDidShow(() => {
    // Hints around the resident's own tickets: a failure leaves them out rather than interrupting the page.
    api.currentOutages().then(setOutages, () => setOutages([]));
    api.myHousehold().then(
      (h) => setAssistants(h.assistants),
      () => setAssistants([]),
    );
  });
  const { toConfirm, emergencies, others } = residentPriorities(tickets ?? []);
  return (
    <View className="resident-home">
      {toConfirm.length > 0 ? (
        <Section title={`待您确认（${toConfirm.length}）`}>
          <Text className="muted resident-home__hint">
            处理人已完成，请确认是否解决；未解决可退回并说明原因
          </Text>
          {toConfirm.map((t) => (
            <TicketCard key={t.id} ticket={t} />
          ))}
        </Section>
      ) : null}
      {emergencies.length > 0 ? (
        <Section title="紧急报事处理中">
          {emergencies.map((t) => (
            <TicketCard key={t.id} ticket={t} />
          ))}
        </Section>
      ) : null}
      <View className="resident-home__report">
        <Button
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: REPORT_PAGE })}
        >
          我要报事
        </Button>
        <Text className="muted resident-home__hint resident-home__hint--center">
          报修、投诉、咨询，都可以在这里提交
        </Text>
      </View>
      <Section
        title="最近报事"
        more={{ label: '查看全部', onClick: () => void Taro.switchTab({ url: TICKETS_PAGE }) }}
      >
        {tickets === null ? (
          <Text className="muted">正在加载…</Text>
        ) : others.length > 0 ? (
          others.map((t) => <TicketCard key={t.id} ticket={t} />)
        ) : (
          <EmptyState text={tickets.length > 0 ? '没有其他报事' : '还没有报事记录'} />
        )}
      </Section>
      {outages.length > 0 || unread > 0 ? (
        <Section title="通知">
          {outages.map((o) => (
            <View key={o.id} className="card resident-home__notice">
              <Text className="resident-home__notice-title">{`计划${OUTAGE_KIND_LABELS[o.kind]}：${o.title}`}</Text>
              <Text className="muted">{`${formatTime(o.startsAt)} 至 ${formatTime(o.endsAt)}`}</Text>
            </View>
          ))}
          {unread > 0 ? (
            <View
              className="card resident-home__notice"
              onClick={() => void Taro.navigateTo({ url: INBOX_PAGE })}
            >
              <Text className="resident-home__notice-title">{`${unread} 条未读消息`}</Text>
              <Text className="muted">报事进度、入住审批等消息，点击查看</Text>
            </View>
          ) : null}
        </Section>
      ) : null}
      {assistants.length > 0 ? (
        <Section title="我的管家">
          {assistants.map((a) => (
            <AssistantCard key={a.id} card={a} />
          ))}
        </Section>
      ) : null}
    </View>
  );
}
