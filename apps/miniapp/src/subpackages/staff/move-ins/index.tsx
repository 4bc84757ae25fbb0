import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { MOVE_IN_PAPER_LABELS, MoveInDto, MoveInPaper } from '@linli/contracts';
import { MOVE_IN_PAPERS } from '@linli/domain';
import { MoveInDetails } from '../../../components/move-in-card';
import { EmptyState } from '../../../components/empty-state';
import { api } from '../../../services/api';
import { showError } from '../../../services/http';
import '../staff.scss';

/**
 * 入住登记审核 (the building's assistant, the community's supervisor, the admin): pending move-in
 * registrations, oldest first. Per person the office ticks the papers it saw (the ones the person's role
 * shows, from packages/domain), records the owner's written consent when it holds one, and approves —
 * refused by the server with what is still missing — or rejects with the reason. With ?householdId= it
 * lists that household's registrations (from the household file).
 */
export default function OfficeMoveInsPage() {
  const { params } = useRouter();
  const householdId = params.householdId || undefined;
  const room = params.room ? decodeURIComponent(params.room) : '';
  const [items, setItems] = useState<MoveInDto[] | null>(null);
  /** Papers ticked on screen, per person, not yet saved. */
  const [ticked, setTicked] = useState<Record<string, MoveInPaper[]>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const load = useCallback(async () => {
    try {
      const list = await api.officeMoveIns(householdId);
      setItems(list);
      setTicked(Object.fromEntries(list.flatMap((m) => m.people.map((p) => [p.id, p.papers]))));
    } catch (err) {
      showError(err);
    }
  }, [householdId]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await load();
    } catch (err) {
      showError(err);
    }
  };
  const toggle = (personId: string, paper: MoveInPaper) =>
    setTicked((all) => {
      const now = all[personId] ?? [];
      return { ...all, [personId]: now.includes(paper) ? now.filter((x) => x !== paper) : [...now, paper] };
    });
  return (
    <View className='page staff'>
      {room ? <View className='section-title'>{`${room} 的入住登记`}</View> : null}
      {items && items.length === 0 ? <EmptyState text={householdId ? '该户没有入住登记' : '没有待审核的入住登记'} /> : null}
      {(items ?? []).map((m) => (
        <View key={m.id} className='card staff__item move-in-office'>
          <MoveInDetails moveIn={m} />
          {m.can.checkPapers ? (
            <View className='move-in-office__papers'>
              <Text className='section-title'>证件查验</Text>
              {m.people.map((p) => (
                <View key={p.id} className='chips'>
                  <Text>{p.name}</Text>
                  {MOVE_IN_PAPERS[p.role].map((paper) => (
                    <View key={paper} className={`chip${(ticked[p.id] ?? []).includes(paper) ? ' chip--active' : ''}`} onClick={() => toggle(p.id, paper)}>
                      {MOVE_IN_PAPER_LABELS[paper]}
                    </View>
                  ))}
                </View>
              ))}
              <Button size='small' onClick={() => void run(() => api.checkMoveInPapers(m.id, { people: m.people.map((p) => ({ personId: p.id, papers: ticked[p.id] ?? [] })) }), '已保存')}>
                保存查验结果
              </Button>
            </View>
          ) : null}
          {m.can.recordWrittenConsent ? (
            <View className='move-out-office__row'>
              <Input value={notes[m.id] ?? ''} onChange={(v) => setNotes({ ...notes, [m.id]: v })} placeholder='书面同意：业主签字同意书、身份证复印件' maxLength={200} />
              <Button size='small' onClick={() => void run(() => api.moveInWrittenConsent(m.id, { note: notes[m.id] ?? '' }), '已登记')}>
                登记业主书面同意
              </Button>
            </View>
          ) : null}
          {m.can.decide ? (
            <View className='move-out-office__row'>
              <Button type='primary' size='small' onClick={() => void run(() => api.decideMoveIn(m.id, { approve: true }), '已发放居住证')}>
                审核通过并发放居住证
              </Button>
              <Input value={reasons[m.id] ?? ''} onChange={(v) => setReasons({ ...reasons, [m.id]: v })} placeholder='不通过的原因' maxLength={200} />
              <Button size='small' onClick={() => void run(() => api.decideMoveIn(m.id, { approve: false, reason: reasons[m.id] ?? '' }), '已回复')}>
                不通过
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
