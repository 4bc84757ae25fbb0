import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_TICKET_PHOTOS, UploadDto } from '@linli/contracts';
import { api } from '../services/api/api';
import { attempt } from '../services/request/result';
import { photoSlotsLeft } from '../services/tickets/report-form';
import './photo-picker.scss';

interface Props {
  photos: UploadDto[];
  onChange: (update: (photos: UploadDto[]) => UploadDto[]) => void;
  /** Reports how many photos are still uploading, so a form can wait for them. */
  onUploadingChange?: (count: number) => void;
}

/**
 * Up to MAX_TICKET_PHOTOS photos chosen with Taro.chooseMedia (album or camera) and uploaded to the server as they
 * are picked; the server checks type and size and its Chinese error is shown per photo.
 */
export function PhotoPicker({ photos, onChange, onUploadingChange }: Props) {
  const [uploading, setUploading] = useState(0);
  const slots = photoSlotsLeft({ photoIds: photos.map((p) => p.id), uploading });

  const track = (delta: number) =>
    setUploading((n) => {
      const next = n + delta;
      onUploadingChange?.(next);
      return next;
    });

  const choose = async () => {
    if (slots === 0) return;
    let files: Taro.chooseMedia.ChooseMedia[];
    try {
      files = (
        await Taro.chooseMedia({
          count: slots,
          mediaType: ['image'],
          sourceType: ['album', 'camera'],
          sizeType: ['compressed'],
        })
      ).tempFiles;
    } catch {
      return; // closed the picker
    }
    track(files.length);
    await Promise.all(
      files.map(async (f) => {
        await attempt(async () => {
          const uploaded = await api.upload(f.tempFilePath);
          onChange((list) => (list.length < MAX_TICKET_PHOTOS ? [...list, uploaded] : list));
        });
        track(-1);
      }),
    );
  };

  return (
    <View className="photo-picker">
      {photos.map((p) => (
        <View key={p.id} className="photo-picker__item">
          <Image className="photo-picker__img" src={p.url} mode="aspectFill" />
          <View
            className="photo-picker__remove"
            onClick={() => onChange((list) => list.filter((x) => x.id !== p.id))}
          >
            ×
          </View>
        </View>
      ))}
      {Array.from({ length: uploading }, (_, i) => (
        <View key={`u${i}`} className="photo-picker__item">
          <Text className="muted">上传中…</Text>
        </View>
      ))}
      {slots > 0 ? (
        <View className="photo-picker__item photo-picker__item--add" onClick={() => void choose()}>
          <Text className="muted">添加照片</Text>
        </View>
      ) : null}
    </View>
  );
}
