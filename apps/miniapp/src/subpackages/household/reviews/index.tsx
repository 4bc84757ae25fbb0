import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ReviewsDueDto } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { QueryStatus } from '../../../components/query-status';
import { householdFilePage } from '../../../services/app/routes';
import '../household.scss';

/** The assistant's task list of household files due for their quarterly review (docs/domain-rules.md §3), most overdue first. */
export default function ReviewsDuePage() {
  const query = useQuery<ReviewsDueDto>(() => api.reviewsDue(), []);
  const list = query.data;
  if (!list)
    return (
      <View className="page">
        <QueryStatus query={query} />
      </View>
    );
  return (
    <View className="page household">
      <View className="card">
        <Text className="section-title">{`${list.total} 户档案待复核`}</Text>
        <Text className="muted">每季度与住户核对一次档案：成员、联系方式、资料清单</Text>
      </View>
      <CellGroup>
        {list.items.length === 0 ? <Cell title="暂无到期的档案复核" /> : null}
        {list.items.map((i) => (
          <Cell
            key={i.householdId}
            title={i.roomLabel}
            description={i.nextReviewOn ? `应于 ${i.nextReviewOn} 复核` : '从未复核'}
            extra={i.overdueDays > 0 ? `逾期 ${i.overdueDays} 天` : '今日到期'}
            clickable
            onClick={() => void Taro.navigateTo({ url: householdFilePage(i.householdId) })}
          />
        ))}
      </CellGroup>
      {list.total > list.items.length ? (
        <Text className="muted">{`仅显示逾期最久的 ${list.items.length} 户`}</Text>
      ) : null}
    </View>
  );
}
