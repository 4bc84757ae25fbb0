import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { EmptyState } from './empty-state';
import { attempt } from '../services/request/result';

/**
 * An office's queue of applications (入住登记审核, 搬出审批): loaded when the page shows and on
 * pull-down; `run` performs one step, says it is done and reloads, or shows the server's error.
 */
export function useOfficeQueue<T>(
  fetch: () => Promise<T[]>,
  deps: readonly unknown[],
  onLoaded?: (items: T[]) => Promise<void> | void,
) {
  const [items, setItems] = useState<T[] | null>(null);
  const load = useCallback(async () => {
    await attempt(async () => {
      const list = await fetch();
      setItems(list);
      await onLoaded?.(list);
    });
  }, deps);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));
  const run = async (work: () => Promise<unknown>, done: string) => {
    await attempt(async () => {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await load();
    });
  };
  return { items, run };
}

/** The queue's heading when opened from a household file (`room`), and its empty state. */
export function OfficeQueueHeader({
  room,
  title,
  items,
  empty,
}: {
  room: string;
  title: string;
  items: readonly unknown[] | null;
  empty: string;
}) {
  return (
    <>
      {room ? <View className="section-title">{`${room} 的${title}`}</View> : null}
      {items && items.length === 0 ? <EmptyState text={empty} /> : null}
    </>
  );
}

/** A note the office writes and records in one tap (the owner's written consent or authorisation). */
export function NoteActionRow({
  placeholder,
  label,
  onSubmit,
}: {
  placeholder: string;
  label: string;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  return (
    <View className="move-out-office__row">
      <Input value={note} onChange={setNote} placeholder={placeholder} maxLength={200} />
      <Button size="small" onClick={() => onSubmit(note)}>
        {label}
      </Button>
    </View>
  );
}

/** The office's decision: approve, or refuse with the reason typed beside it. */
export function DecisionRow(props: {
  approveLabel: string;
  rejectLabel: string;
  reasonPlaceholder: string;
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <View className="move-out-office__row">
      <Button type="primary" size="small" onClick={props.onApprove}>
        {props.approveLabel}
      </Button>
      <Input
        value={reason}
        onChange={setReason}
        placeholder={props.reasonPlaceholder}
        maxLength={200}
      />
      <Button size="small" onClick={() => props.onReject(reason)}>
        {props.rejectLabel}
      </Button>
    </View>
  );
}
