import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MOVE_IN_PAPER_LABELS, MoveInDto, MoveInPaper } from '@linli/contracts';
import { MOVE_IN_PAPERS } from '@linli/domain';
import { MoveInDetails } from '../../../components/move-in-card';
import {
  DecisionRow,
  NoteActionRow,
  OfficeQueueHeader,
  useOfficeQueue,
} from '../../../components/office-queue';
import { api } from '../../../services/api/api';
import { Chip } from '../../../components/chips';
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
  /** Papers ticked on screen, per person, not yet saved. */
  const [ticked, setTicked] = useState<Record<string, MoveInPaper[]>>({});
  const { items, run } = useOfficeQueue<MoveInDto>(
    () => api.officeMoveIns(householdId),
    [householdId],
    (list) =>
      setTicked(Object.fromEntries(list.flatMap((m) => m.people.map((p) => [p.id, p.papers])))),
  );
  const toggle = (personId: string, paper: MoveInPaper) =>
    setTicked((all) => {
      const now = all[personId] ?? [];
      return {
        ...all,
        [personId]: now.includes(paper) ? now.filter((x) => x !== paper) : [...now, paper],
      };
    });
  return (
    <View className="page staff">
      <OfficeQueueHeader
        room={room}
        title="入住登记"
        items={items}
        empty={householdId ? '该户没有入住登记' : '没有待审核的入住登记'}
      />
      {(items ?? []).map((m) => (
        <View key={m.id} className="card staff__item move-in-office">
          <MoveInDetails moveIn={m} />
          {m.can.checkPapers ? (
            <View className="move-in-office__papers">
              <Text className="section-title">证件查验</Text>
              {m.people.map((p) => (
                <View key={p.id} className="chips">
                  <Text>{p.name}</Text>
                  {MOVE_IN_PAPERS[p.role].map((paper) => (
                    <Chip
                      key={paper}
                      active={(ticked[p.id] ?? []).includes(paper)}
                      onClick={() => toggle(p.id, paper)}
                    >
                      {MOVE_IN_PAPER_LABELS[paper]}
                    </Chip>
                  ))}
                </View>
              ))}
              <Button
                size="small"
                onClick={() =>
                  void run(
                    () =>
                      api.checkMoveInPapers(m.id, {
                        people: m.people.map((p) => ({
                          personId: p.id,
                          papers: ticked[p.id] ?? [],
                        })),
                      }),
                    '已保存',
                  )
                }
              >
                保存查验结果
              </Button>
            </View>
          ) : null}
          {m.can.recordWrittenConsent ? (
            <NoteActionRow
              placeholder="书面同意：业主签字同意书、身份证复印件"
              label="登记业主书面同意"
              onSubmit={(note) =>
                void run(() => api.moveInWrittenConsent(m.id, { note }), '已登记')
              }
            />
          ) : null}
          {m.can.decide ? (
            <DecisionRow
              approveLabel="审核通过并发放居住证"
              rejectLabel="不通过"
              reasonPlaceholder="不通过的原因"
              onApprove={() =>
                void run(() => api.decideMoveIn(m.id, { approve: true }), '已发放居住证')
              }
              onReject={(reason) =>
                void run(() => api.decideMoveIn(m.id, { approve: false, reason }), '已回复')
              }
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}
