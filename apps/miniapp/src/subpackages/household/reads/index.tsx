import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { FileReadLogEntryDto, Role, ROLE_LABELS } from '@linli/contracts';
import { LoadMore } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { formatTime } from '../../../services/app/format';
import { householdFilePage } from '../../../services/app/routes';
import '../household.scss';

/** Supervisors: every opening of a household file in the community, newest first, a page at a time (docs/domain-rules.md §3: every read is audited). */
export default function ReadLogPage() {
  const list = usePagedList<FileReadLogEntryDto>(
    (cursor) => api.householdReadLog(cursor),
    (r) => r.id,
    [],
  );
  const log = list.items;
  if (!log) return <View className="page" />;
  return (
    <View className="page household">
      <View className="card">
        <Text className="section-title">档案查阅记录</Text>
        <Text className="muted">
          住户档案含敏感信息，每次查阅都会记录。发现无正当理由的查阅请及时处理。
        </Text>
      </View>
      <CellGroup>
        {log.length === 0 ? <Cell title="暂无查阅记录" /> : null}
        {log.map((r) => (
          <Cell
            key={r.id}
            title={`${r.readerName}（${ROLE_LABELS[r.readerRole as Role] ?? r.readerRole}）查阅 ${r.roomLabel}`}
            description={formatTime(r.at)}
            clickable
            onClick={() => void Taro.navigateTo({ url: householdFilePage(r.householdId) })}
          />
        ))}
      </CellGroup>
      <LoadMore
        status={list.status}
        count={log.length}
        hasMore={list.hasMore}
        onMore={() => void list.loadMore()}
      />
    </View>
  );
}
