import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  FileReadDto,
  HouseholdFileDto,
  HouseholdNoteDto,
  Role,
  ROLE_LABELS,
  MEMBER_ROLE_LABELS,
  TICKET_STATUS_LABELS,
  TicketStatus,
  TimelineEntryDto,
  TimelineKind,
  WECHAT_REACH_LABELS,
} from '@linli/contracts';
import { LoadMore } from '../../../components/load-more';
import { api } from '../../../services/api/api';
import { formatTime } from '../../../services/app/format';
import {
  JOIN_APPROVALS_PAGE,
  officeMoveInsPage,
  officeMoveOutsPage,
  reportOnBehalfPage,
  ticketDetailPage,
} from '../../../services/app/routes';
import { MembershipHistory } from '../../../components/membership-history';
import { useRequiredUser } from '../../../services/session/use-session';
import { DocumentsChecklist } from './documents-checklist';
import { ReviewCard } from './review-card';
import { attempt } from '../../../services/request/result';
import '../household.scss';

/** A household's file for the building's assistant: members, tickets, and the notes (every opening is audited). */
export default function HouseholdFilePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRequiredUser();
  const [file, setFile] = useState<HouseholdFileDto | null>(null);
  const [note, setNote] = useState('');
  const [reads, setReads] = useState<FileReadDto[]>([]);
  // The file carries the timeline's first page; older entries load at the end of the page (it is the last section).
  const [older, setOlder] = useState<{
    items: TimelineEntryDto[];
    cursor: string | null;
    status: 'idle' | 'loading' | 'error';
  }>({ items: [], cursor: null, status: 'idle' });
  // The file carries the notes' first page too; older notes load on a tap under them.
  const [olderNotes, setOlderNotes] = useState<{
    items: HouseholdNoteDto[];
    cursor: string | null;
    status: 'idle' | 'loading' | 'error';
  }>({ items: [], cursor: null, status: 'idle' });
  const auditor = user !== null && (user.role === Role.Supervisor || user.role === Role.Admin);
  const load = async () => {
    await attempt(async () => {
      const f = await api.householdFile(id);
      setFile(f);
      setOlder({ items: [], cursor: f.timelineNextCursor, status: 'idle' });
      setOlderNotes({ items: [], cursor: f.notesNextCursor, status: 'idle' });
    });
    // Supervisors see who opened this file (the opening just made included).
    if (auditor)
      await api.householdReads(id).then(
        (page) => setReads(page.items),
        () => setReads([]),
      );
  };
  useDidShow(() => void load());
  const loadOlder = async () => {
    const cursor = older.cursor;
    if (!cursor || older.status === 'loading') return;
    setOlder((o) => ({ ...o, status: 'loading' }));
    try {
      const page = await api.householdTimeline(id, cursor);
      setOlder((o) => ({
        items: [...o.items, ...page.items],
        cursor: page.nextCursor,
        status: 'idle',
      }));
    } catch {
      setOlder((o) => ({ ...o, status: 'error' }));
    }
  };
  useReachBottom(() => void loadOlder());
  const loadOlderNotes = async () => {
    const cursor = olderNotes.cursor;
    if (!cursor || olderNotes.status === 'loading') return;
    setOlderNotes((o) => ({ ...o, status: 'loading' }));
    try {
      const page = await api.householdNotes(id, cursor);
      setOlderNotes((o) => ({
        items: [...o.items, ...page.items],
        cursor: page.nextCursor,
        status: 'idle',
      }));
    } catch {
      setOlderNotes((o) => ({ ...o, status: 'error' }));
    }
  };
  const save = async () => {
    if (!note.trim()) return;
    await attempt(async () => {
      await api.addNote(id, { text: note.trim() });
      setNote('');
      await load();
    });
  };
  if (!file) return <View className="page" />;
  return (
    <View className="page household">
      <View className="card">
        <Text className="household__room">{file.roomLabel}</Text>
        <Text className="muted">档案查阅会被记录，仅限本楼栋管家与管理处主任</Text>
      </View>
      {file.pendingOfficeApprovals > 0 ? (
        <View
          className="card household__pending"
          onClick={() => void Taro.navigateTo({ url: JOIN_APPROVALS_PAGE })}
        >
          <Text className="section-title">{`${file.pendingOfficeApprovals} 个入住申请待物业审核`}</Text>
          <Text className="muted">租户、借住亲属加入本房屋，需物业审核</Text>
        </View>
      ) : null}
      <CellGroup title="住户">
        {file.members.map((m) => (
          <Cell
            key={m.id}
            title={`${m.name}（${MEMBER_ROLE_LABELS[m.role]}${m.relationship ? ` · ${m.relationship}` : ''}）`}
            description={[
              m.idNumber,
              m.moveInDate ? `${m.moveInDate} 入住` : null,
              m.wechatReach ? WECHAT_REACH_LABELS[m.wechatReach] : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            extra={m.phone ?? ''}
            clickable={m.phone !== null}
            onClick={() => m.phone && void Taro.makePhoneCall({ phoneNumber: m.phone })}
          />
        ))}
      </CellGroup>
      <View className="card">
        <Text className="section-title">管家备注</Text>
        {file.notes.length === 0 ? <Text className="muted">暂无备注</Text> : null}
        {[...file.notes, ...olderNotes.items].map((n) => (
          <View key={n.id} className="household__note">
            <Text>{n.text}</Text>
            <Text className="muted">
              {n.authorName} · {formatTime(n.at)}
            </Text>
          </View>
        ))}
        {olderNotes.cursor !== null || olderNotes.status === 'error' ? (
          <View className="household__more-notes" onClick={() => void loadOlderNotes()}>
            <Text>
              {olderNotes.status === 'loading'
                ? '加载中…'
                : olderNotes.status === 'error'
                  ? '加载失败，点击重试'
                  : '查看更早的备注'}
            </Text>
          </View>
        ) : null}
        <TextArea
          value={note}
          onChange={setNote}
          placeholder="家庭情况、联系偏好（如“上午10点前勿电话”）等"
          maxLength={500}
          rows={2}
        />
        <Button size="small" type="primary" onClick={() => void save()}>
          添加备注
        </Button>
      </View>
      <View className="household__actions">
        <Button
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: reportOnBehalfPage(id, file.roomLabel) })}
        >
          代客报事
        </Button>
        <Button
          block
          onClick={() => void Taro.navigateTo({ url: officeMoveOutsPage(id, file.roomLabel) })}
        >
          搬出申请记录
        </Button>
        <Button
          block
          onClick={() => void Taro.navigateTo({ url: officeMoveInsPage(id, file.roomLabel) })}
        >
          {file.pendingMoveIns > 0 ? `入住登记（${file.pendingMoveIns} 个待审核）` : '入住登记记录'}
        </Button>
      </View>
      <ReviewCard file={file} onDone={load} />
      <DocumentsChecklist file={file} onChange={load} />
      <MembershipHistory events={file.history} />
      <CellGroup title="报事记录">
        {file.tickets.length === 0 ? <Cell title="暂无报事记录" /> : null}
        {file.tickets.map((t) => (
          <Cell
            key={t.id}
            title={`${t.categoryName} · ${t.code}`}
            description={formatTime(t.createdAt)}
            extra={TICKET_STATUS_LABELS[t.status as TicketStatus] ?? t.status}
            clickable
            onClick={() => void Taro.navigateTo({ url: ticketDetailPage(t.id) })}
          />
        ))}
      </CellGroup>
      {auditor ? (
        <CellGroup title="本档案查阅记录">
          {reads.slice(0, 20).map((r, i) => (
            <Cell
              key={`${r.at}-${i}`}
              title={`${r.readerName}（${ROLE_LABELS[r.readerRole as Role] ?? r.readerRole}）`}
              extra={formatTime(r.at)}
            />
          ))}
        </CellGroup>
      ) : null}
      <CellGroup title="档案动态">
        {file.timeline.length === 0 ? <Cell title="暂无记录" /> : null}
        {[...file.timeline, ...older.items].map((e, i) => (
          <Cell
            key={`${e.at}-${i}`}
            className="household__timeline"
            title={e.title}
            description={formatTime(e.at)}
            clickable={e.kind === TimelineKind.Ticket && e.refId !== null}
            onClick={() =>
              e.kind === TimelineKind.Ticket &&
              e.refId &&
              void Taro.navigateTo({ url: ticketDetailPage(e.refId) })
            }
          />
        ))}
      </CellGroup>
      {file.timeline.length > 0 ? (
        <LoadMore
          status={older.status === 'idle' && !older.cursor ? 'done' : older.status}
          count={file.timeline.length}
          hasMore={older.cursor !== null}
          onMore={() => void loadOlder()}
        />
      ) : null}
    </View>
  );
}
