import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { HouseholdDocumentDto, HouseholdFileDto, UploadDto } from '@linli/contracts';
import { PhotoPicker } from '../../../components/photo-picker';
import { api } from '../../../services/api/api';
import { formatTime } from '../../../services/app/format';
import { attempt } from '../../../services/request/result';

/** The papers of the file (docs/domain-rules.md §3): on file or missing; tap one to record it with scans, or to take it off. */
export function DocumentsChecklist({
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
    await attempt(async () => {
      await action();
      setOpen(null);
      void Taro.showToast({ title: done, icon: 'success' });
      await onChange();
    });
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
