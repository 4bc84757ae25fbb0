import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { GiftStatus, GreetingCardDto } from '@linli/contracts';
import { ListEnd } from '../../../components/load-more';
import { careApi } from '../../../services/api/care-api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { attempt } from '../../../services/request/result';
import '../care.scss';

/** 节日问候 (resident): the greeting cards the community sent; opening one tells the office it was read. */
export default function GreetingsPage() {
  const list = usePagedList<GreetingCardDto>(
    (cursor) => careApi.myGreetings(cursor),
    (c) => c.recipientId,
    [],
  );
  const cards = list.items;
  const [open, setOpen] = useState<GreetingCardDto | null>(null);

  const show = async (c: GreetingCardDto) => {
    await attempt(async () => {
      setOpen(await careApi.openGreeting(c.recipientId));
    });
  };

  if (open) {
    return (
      <View className="page care">
        <View className="care__card greeting-card">
          <Text className="care__card-title">{`${open.title}快乐`}</Text>
          {open.imageUrl ? (
            <Image src={open.imageUrl} mode="widthFix" style={{ width: '100%' }} />
          ) : null}
          <Text className="care__card-text">{open.greeting}</Text>
          <Text className="muted">{`${open.communityName}物业服务中心 · ${open.occasionDate}`}</Text>
          {open.gift ? (
            <Text className="care__card-text">
              {open.gift.status === GiftStatus.Prepared
                ? `为您准备了${open.gift.name}，管家将上门送达，也可到物业服务中心领取。`
                : `${open.gift.name}：${open.gift.statusLabel}`}
            </Text>
          ) : null}
        </View>
        <Text className="muted" onClick={() => setOpen(null)}>
          返回问候列表
        </Text>
      </View>
    );
  }
  return (
    <View className="page care">
      {cards === null ? <Text className="muted">加载中…</Text> : null}
      {cards && cards.length === 0 ? <Text className="muted">暂时没有节日问候</Text> : null}
      {(cards ?? []).map((c) => (
        <View key={c.recipientId} className="card care__item" onClick={() => void show(c)}>
          <View className="care__title">
            <Text>{`${c.title}问候`}</Text>
            <Text className={c.openedAt ? 'muted' : 'care__due'}>
              {c.openedAt ? '已读' : '未读'}
            </Text>
          </View>
          <Text className="muted">{`${c.communityName} · ${c.occasionDate}${c.gift ? ` · ${c.gift.name}` : ''}`}</Text>
        </View>
      ))}
      <ListEnd list={list} />
    </View>
  );
}
