import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { JoinRequestDto } from '@linli/contracts';
import { api } from '../services/api/api';
import { currentJoinRequest } from '../services/households/join-stage';
import { JoinStatusCard } from './join-status-card';
import { NewcomerCard } from './newcomer-card';

/** The home page of a resident without a room: their application's state first, then the ways forward. */
export function NewcomerHome() {
  const [mine, setMine] = useState<JoinRequestDto[] | null>(null);
  const [hotline, setHotline] = useState<string | null>(null);
  useDidShow(() => {
    api.myJoinRequests().then(setMine, () => setMine([]));
    api.meta().then(
      (m) => setHotline(m.hotline),
      () => setHotline(null),
    );
  });
  const current = mine ? currentJoinRequest(mine) : null;
  return (
    <View>
      {current ? <JoinStatusCard request={current} /> : null}
      <NewcomerCard
        hotline={hotline}
        lead="您还没有绑定房屋，绑定后即可报事"
        applied={current?.status === 'pending'}
      />
    </View>
  );
}
