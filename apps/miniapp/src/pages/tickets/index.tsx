import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Role } from '@linli/contracts';
import { TicketList } from '../../components/ticket-list';
import { REPORT_PAGE } from '../../services/routes';
import { useRoleTickets } from '../../services/use-role-tickets';
import { useRequiredUser } from '../../services/use-session';

/** Residents: "my tickets" (the household's). Assistants: "my queue" (their buildings, emergencies first). */
export default function TicketsPage() {
  const user = useRequiredUser();
  const { tickets } = useRoleTickets(user);
  if (!user) return <View className='page' />;
  const resident = user.role === Role.Resident;
  return (
    <View className='page'>
      <View className='section-title'>{resident ? '全部报事' : '我的工单队列'}</View>
      <TicketList tickets={tickets} emptyText={resident ? '还没有报事记录' : '暂无待办工单'} showRoom={!resident} />
      {resident ? (
        <Button type='primary' block onClick={() => void Taro.navigateTo({ url: REPORT_PAGE })}>
          我要报事
        </Button>
      ) : null}
    </View>
  );
}
