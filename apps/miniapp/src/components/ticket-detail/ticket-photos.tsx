import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { PhotoDto } from '@linli/contracts';
import './ticket-detail.scss';

/** A row of photos that open full-screen; with a caption (报事照片, 处理结果) when given. */
export function TicketPhotos({
  photos,
  caption,
}: {
  photos: readonly PhotoDto[];
  caption?: string;
}) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => p.url);
  return (
    <View className="ticket-photos">
      {caption ? <Text className="ticket-photos__caption">{caption}</Text> : null}
      <View className="ticket-photos__row">
        {photos.map((p) => (
          <Image
            key={p.id}
            className="ticket-photos__photo"
            src={p.url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ current: p.url, urls })}
          />
        ))}
      </View>
    </View>
  );
}
