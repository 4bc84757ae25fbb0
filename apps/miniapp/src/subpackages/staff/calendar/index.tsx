import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { CalendarYearDto } from '@linli/contracts';
import { chinaDateKey } from '@linli/domain';
import { api } from '../../../services/api/api';
import { formatTime } from '../../../services/app/format';
import { attempt } from '../../../services/request/result';
import { useTask } from '../../../services/request/use-action';
import { Chip } from '../../../components/chips';
import '../staff.scss';

const THIS_YEAR = Number(chinaDateKey(new Date()).slice(0, 4));
const dayLabel = (working: boolean) => (working ? '上班' : '放假');

/**
 * 工作日历: the working days every "N 个工作日" time limit counts. Staff see the published holidays and
 * make-up days, the company's adjustments, and the warning for a year not yet published; company admins
 * add or remove adjustments (e.g. next year's holidays once the State Council announces them).
 */
export default function CalendarPage() {
  const [year, setYear] = useState(THIS_YEAR);
  const [data, setData] = useState<CalendarYearDto | null>(null);
  const [date, setDate] = useState('');
  const [working, setWorking] = useState(false);
  const [note, setNote] = useState('');
  const task = useTask();
  const saving = task.running;

  const load = useCallback(async (which: number) => {
    await attempt(async () => {
      setData(await api.calendar(which));
    });
  }, []);
  useDidShow(() => void load(year));
  usePullDownRefresh(() => void load(year).finally(() => Taro.stopPullDownRefresh()));

  const choose = (which: number) => {
    setYear(which);
    void load(which);
  };
  const save = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim()))
      return void Taro.showToast({ title: '请按 2027-01-01 的格式填写日期', icon: 'none' });
    await task.run(async () => {
      await api.setCalendarOverride(date.trim(), { working, note: note.trim() || undefined });
      void Taro.showToast({ title: '已保存，时限按新日历计算', icon: 'none' });
      setDate('');
      setNote('');
      const target = Number(date.slice(0, 4));
      setYear(target);
      await load(target);
    });
  };
  const remove = async (day: string) => {
    const { confirm } = await Taro.showModal({
      title: '删除调整',
      content: `${day} 将恢复按国家安排和周末计算，确定吗？`,
    });
    if (!confirm) return;
    await attempt(async () => {
      await api.removeCalendarOverride(day);
      await load(year);
    });
  };

  const published = (data?.specialDays ?? []).filter((d) => d.source === 'published');
  return (
    <View className="page staff">
      <View className="chips">
        {[...new Set([THIS_YEAR, THIS_YEAR + 1, year])].map((y) => (
          <Chip key={y} active={y === year} onClick={() => choose(y)}>
            {`${y} 年`}
          </Chip>
        ))}
      </View>
      {(data?.warnings ?? []).map((w) => (
        <View key={w} className="card staff__item">
          <Text className="staff__error">{w}</Text>
        </View>
      ))}

      {data?.canEdit ? (
        <View className="card staff__item">
          <Text className="staff__title">调整某一天</Text>
          <Input value={date} onChange={setDate} placeholder="日期，如 2027-01-01" maxLength={10} />
          <View className="chips">
            {[false, true].map((w) => (
              <Chip key={String(w)} active={w === working} onClick={() => setWorking(w)}>
                {w ? '这天上班（调休）' : '这天放假'}
              </Chip>
            ))}
          </View>
          <Input
            value={note}
            onChange={setNote}
            placeholder="说明，如 元旦（选填）"
            maxLength={100}
          />
          <Button type="primary" block loading={saving} onClick={() => void save()}>
            保存调整
          </Button>
        </View>
      ) : null}

      <Text className="section-title">{`公司调整（${data?.overrides.length ?? 0} 天）`}</Text>
      {(data?.overrides ?? []).length === 0 ? (
        <View className="card staff__item">
          <Text className="muted">本年没有调整</Text>
        </View>
      ) : null}
      {(data?.overrides ?? []).map((o) => (
        <View key={o.date} className="card staff__item calendar-override">
          <View className="staff__title">
            <Text>{`${o.date} ${dayLabel(o.working)}`}</Text>
            {data?.canEdit ? (
              <Button size="small" onClick={() => void remove(o.date)}>
                删除
              </Button>
            ) : null}
          </View>
          <Text className="muted">
            {[o.note, o.updatedByName, formatTime(o.updatedAt)].filter(Boolean).join(' · ')}
          </Text>
        </View>
      ))}

      <Text className="section-title">
        {data?.published ? '国家法定节假日与调休' : '国家安排尚未收录'}
      </Text>
      <View className="card staff__item">
        {published.length === 0 ? <Text className="muted">本年按周末休息计算</Text> : null}
        {published.map((d) => (
          <Text
            key={d.date}
            className={d.working ? '' : 'muted'}
          >{`${d.date} ${dayLabel(d.working)}`}</Text>
        ))}
      </View>
    </View>
  );
}
