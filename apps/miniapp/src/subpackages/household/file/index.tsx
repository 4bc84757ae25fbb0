import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  FileReadDto,
  HouseholdDocumentDto,
  HouseholdFileDto,
  HouseholdNoteDto,
  Role,
  ROLE_LABELS,
  UploadDto,
  MEMBER_ROLE_LABELS,
  TICKET_STATUS_LABELS,
  TicketStatus,
  TimelineEntryDto,
  TimelineKind,
  WECHAT_REACH_LABELS,
} from '@linli/contracts';
import { LoadMore } from '../../../components/load-more';
import { api } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { showError } from '../../../services/http';
import {
  JOIN_APPROVALS_PAGE,
  officeMoveInsPage,
  officeMoveOutsPage,
  reportOnBehalfPage,
  ticketDetailPage,
} from '../../../services/routes';
import { MembershipHistory } from '../../../components/membership-history';
import { PhotoPicker } from '../../../components/photo-picker';
import { useRequiredUser } from '../../../services/use-session';
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
    await api.householdFile(id).then((f) => {
      setFile(f);
      setOlder({ items: [], cursor: f.timelineNextCursor, status: 'idle' });
      setOlderNotes({ items: [], cursor: f.notesNextCursor, status: 'idle' });
    }, showError);
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
    try {
      await api.addNote(id, { text: note.trim() });
      setNote('');
      await load();
    } catch (err) {
      showError(err);
    }
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

/** The quarterly review (docs/domain-rules.md §3): when it is due, and the button to record one. */
function ReviewCard({ file, onDone }: { file: HouseholdFileDto; onDone: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const { review } = file;
  const complete = async () => {
    try {
      await api.completeReview(file.id, { note: note.trim() || undefined });
      setNote('');
      void Taro.showToast({ title: '已记录复核', icon: 'success' });
      await onDone();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <View className={`card household__review${review.due ? ' household__review--due' : ''}`}>
      <Text className="section-title">档案复核</Text>
      <Text>
        {review.nextReviewOn
          ? `下次复核：${review.nextReviewOn}${review.due ? '（已到期）' : ''}`
          : '从未复核，请尽快与住户核对档案'}
      </Text>
      {review.lastReviewedAt ? (
        <Text className="muted">{`上次：${formatTime(review.lastReviewedAt)} · ${review.lastReviewerName ?? ''}${review.lastReviewNote ? ` · ${review.lastReviewNote}` : ''}`}</Text>
      ) : null}
      <Input
        className="household__review-note"
        value={note}
        onChange={setNote}
        placeholder="复核情况（选填），如“新增租户一人”"
        maxLength={200}
      />
      <Button
        size="small"
        type={review.due ? 'primary' : 'default'}
        onClick={() => void complete()}
      >
        完成复核
      </Button>
    </View>
  );
}

/** The papers of the file (docs/domain-rules.md §3): on file or missing; tap one to record it with scans, or to take it off. */
function DocumentsChecklist({
  file,
  onChange,
}: {
  file: HouseholdFileDto;
  onChange: () => Promise<void>;
}) {
  const [open, setOpen] = useState<HouseholdDocumentDto | null>(null);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const pick = (d: HouseholdDocumentDto) => {
    setOpen(open?.kind === d.kind ? null : d);
    setNote(d.note ?? '');
    setPhotos([]);
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setOpen(null);
      void Taro.showToast({ title: done, icon: 'success' });
      await onChange();
    } catch (err) {
      showError(err);
    }
  };
  const status = (d: HouseholdDocumentDto) =>
    d.onFile ? '已归档' : d.required ? '缺' : '装修时需要';
  return (
    <CellGroup
      title={
        file.missingDocuments > 0
          ? `资料清单（缺 ${file.missingDocuments} 项）`
          : '资料清单（齐全）'
      }
    >
      {file.documents.map((d) => (
        <View key={d.kind}>
          <Cell
            className={`household__doc household__doc--${d.onFile ? 'on-file' : d.required ? 'missing' : 'optional'}`}
            title={d.label}
            description={
              d.onFile
                ? [
                    d.recordedByName,
                    d.recordedAt ? formatTime(d.recordedAt) : null,
                    d.note,
                    d.photos.length ? `${d.photos.length} 张扫描件` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : undefined
            }
            extra={status(d)}
            clickable
            onClick={() => pick(d)}
          />
          {open?.kind === d.kind ? (
            <View className="household__doc-form">
              <Input
                value={note}
                onChange={setNote}
                placeholder="备注（选填），如“原件存档案柜 A-12”"
                maxLength={200}
              />
              <PhotoPicker
                photos={photos}
                onChange={(update) => setPhotos(update)}
                onUploadingChange={setUploading}
              />
              <Button
                size="small"
                type="primary"
                disabled={uploading > 0}
                onClick={() =>
                  void run(
                    () =>
                      api.recordDocument(file.id, d.kind, {
                        note: note.trim() || undefined,
                        photoIds: photos.map((p) => p.id),
                      }),
                    '已归档',
                  )
                }
              >
                {d.onFile ? '更新归档' : '登记归档'}
              </Button>
              {d.onFile ? (
                <Button
                  size="small"
                  onClick={() => void run(() => api.removeDocument(file.id, d.kind), '已撤销')}
                >
                  撤销归档
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </CellGroup>
  );
}
