import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FileReadLogEntryDto, Role, ROLE_LABELS } from '@linli/contracts';
import { api } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { showError } from '../../../services/http';
import { householdFilePage } from '../../../services/routes';
import '../household.scss';

/** Supervisors: every opening of a household file in the community, newest first (domain.md §3: every read is audited). */
export default function ReadLogPage() {
  const [log, setLog] = useState<FileReadLogEntryDto[] | null>(null);
  useDidShow(() => void api.householdReadLog().then(setLog, showError));
  if (!log) return <View className='page' />;
  return (
    <View className='page household'>
      <View className='card'>
        <Text className='section-title'>档案查阅记录</Text>
        <Text className='muted'>住户档案含敏感信息，每次查阅都会记录。发现无正当理由的查阅请及时处理。</Text>
      </View>
      <CellGroup>
        {log.length === 0 ? <Cell title='暂无查阅记录' /> : null}
        {log.map((r, i) => (
          <Cell
            key={`${r.householdId}-${r.at}-${i}`}
            title={`${r.readerName}（${ROLE_LABELS[r.readerRole as Role] ?? r.readerRole}）查阅 ${r.roomLabel}`}
            description={formatTime(r.at)}
            clickable
            onClick={() => void Taro.navigateTo({ url: householdFilePage(r.householdId) })}
          />
        ))}
      </CellGroup>
    </View>
  );
}
