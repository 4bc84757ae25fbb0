import { View } from '@tarojs/components';
import { create } from 'qrcode/lib/core/qrcode';
import { useMemo } from 'react';
import './qr-code.scss';

/**
 * A QR code drawn as rows of squares. Only qrcode's core is used (it computes the module matrix in
 * plain JS): its canvas and PNG renderers need a DOM canvas or Node, which a WeChat mini-program does
 * not have, while Views render the same on WeChat and in H5.
 */
export function QrCode({ text, size = 360 }: { text: string; size?: number }) {
  const rows = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    return Array.from({ length: modules.size }, (_, r) =>
      Array.from(modules.data.slice(r * modules.size, (r + 1) * modules.size), Boolean),
    );
  }, [text]);
  const cell = Math.floor(size / (rows.length + 4));
  return (
    <View
      className="qr"
      style={{ padding: `${cell * 2}px`, width: `${cell * rows.length}px` }}
      aria-label={`二维码 ${text}`}
    >
      {rows.map((row, r) => (
        <View key={r} className="qr__row" style={{ height: `${cell}px` }}>
          {row.map((dark, c) => (
            <View
              key={c}
              className={dark ? 'qr__dot qr__dot--dark' : 'qr__dot'}
              style={{ width: `${cell}px`, height: `${cell}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
