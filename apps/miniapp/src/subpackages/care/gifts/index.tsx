import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { GiftAction, GiftLineDto, GiftStatus, UploadDto } from '@linli/contracts';
import { ListEnd } from '../../../components/load-more';
import { PhotoPicker } from '../../../components/photo-picker';
import { careApi } from '../../../services/api/care-api';
import { usePagedList } from '../../../services/lists/use-paged-list';
import { useTask } from '../../../services/request/use-action';
import '../care.scss';

/**
 * 礼品发放 (assistant): the festival gifts and visits in their buildings, those still to hand over first.
 * 送达 needs a photo of the hand-over or of the resident's signature; 到物业领取 and 住户谢绝 need none.
 * The gifts still to hand over come whole with the first page; the rest grow with every festival and
 * load a page at a time on scroll (<LoadMore> at the end).
 */
export default function GiftsPage() {
  const list = usePagedList<GiftLineDto>(
    (cursor) => careApi.gifts(cursor),
    (l) => l.id,
    [],
  );
  const lines = list.items;
  const [active, setActive] = useState<string | null>(null);
  const [photos, setPhotos] = useState<UploadDto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [note, setNote] = useState('');
  const task = useTask();
  const busy = task.running;

  const act = async (line: GiftLineDto, action: GiftAction) => {
    if (action === GiftAction.Deliver && photos.length === 0)
      return void Taro.showToast({ title: '请先拍摄交接照片或住户签名', icon: 'none' });
    await task.run(async () => {
      await careApi.giftAction(line.id, {
        action,
        note: note.trim() || undefined,
        photoIds: action === GiftAction.Deliver ? photos.map((p) => p.id) : undefined,
      });
      setActive(null);
      setPhotos([]);
      setNote('');
      void Taro.showToast({ title: '已登记', icon: 'none' });
      await list.reload();
    });
  };

  const left = (lines ?? []).filter((l) => l.gift?.status === GiftStatus.Prepared).length;
  return (
    <View className="page care">
      {lines === null ? (
        <Text className="muted">加载中…</Text>
      ) : (
        <Text className="section-title">{`待发放 ${left} 份`}</Text>
      )}
      {lines && lines.length === 0 ? (
        <Text className="muted">您负责的楼栋暂时没有节日礼品或上门关怀</Text>
      ) : null}
      {(lines ?? []).map((l) => (
        <View key={l.id} className="card care__item gift-line">
          <View className="care__title">
            <Text>{l.householdLabel}</Text>
            <Text className={l.gift?.status === GiftStatus.Prepared ? 'care__due' : 'care__ok'}>
              {l.gift ? l.gift.statusLabel : '上门关怀'}
            </Text>
          </View>
          <Text className="muted">{`${l.campaignTitle}${l.giftName && l.gift ? ` · ${l.giftName}` : ''}${l.visit ? ' · 需上门' : ''}`}</Text>
          {l.gift?.status === GiftStatus.Prepared && active !== l.id ? (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                setActive(l.id);
                setPhotos([]);
                setNote('');
              }}
            >
              登记发放
            </Button>
          ) : null}
          {active === l.id ? (
            <View className="care__item">
              <Text className="muted">送达时请拍摄交接照片，或请住户在纸上签名后拍照</Text>
              <PhotoPicker
                photos={photos}
                onChange={(update) => setPhotos(update)}
                onUploadingChange={setUploading}
              />
              <Input
                value={note}
                onChange={setNote}
                placeholder="备注（选填），如 本人签收"
                maxLength={200}
              />
              <View className="care__buttons">
                <Button
                  size="small"
                  type="primary"
                  loading={busy}
                  disabled={uploading > 0}
                  onClick={() => void act(l, GiftAction.Deliver)}
                >
                  已送达
                </Button>
                <Button size="small" disabled={busy} onClick={() => void act(l, GiftAction.PickUp)}>
                  到物业领取
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => void act(l, GiftAction.Decline)}
                >
                  住户谢绝
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ))}
      <ListEnd list={list} />
    </View>
  );
}
