import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { MoveOutDto, MoveOutScope, Role, UserProfileDto } from '@linli/contracts';
import { api } from '../api/api';

/** Whether the office has something to do on an application now. */
const officeOwes = (m: MoveOutDto) =>
  m.can.decide ||
  m.can.recordWrittenAuthorisation ||
  m.can.deregister ||
  (m.can.markFeesSettled && m.scope === MoveOutScope.Whole);

/**
 * Move-out applications waiting for the signed-in user, refreshed whenever the page shows: for an owner,
 * a tenant's or an agent's awaiting authorisation; for the office, those it has to act on. (There is no
 * WeChat message for these yet, so 首页 is where they are seen.)
 */
export function usePendingMoveOuts(user: UserProfileDto | null): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!user) return;
    const load =
      user.role === Role.Resident && user.household
        ? api.myMoveOuts().then((list) => list.filter((m) => m.can.ownerDecide).length)
        : user.role === Role.Assistant || user.role === Role.Supervisor || user.role === Role.Admin
          ? api.officeMoveOuts().then((list) => list.filter(officeOwes).length)
          : null;
    load?.then(setCount, () => undefined); // a hint on the page; a failure must not interrupt it
  });
  return count;
}
