import Taro from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import './signature-pad.scss';

interface SignaturePadProps {
  canvasId: string;
  /** Called with a local image path (a temp file in weapp, a data URL in H5) once the resident has signed. */
  onSigned: (path: string | null) => void;
}

interface Point {
  x: number;
  y: number;
}

/** A touch on the canvas, in canvas coordinates: weapp gives x/y; H5 gives client coordinates. */
function pointOf(
  touch: { x?: number; y?: number; clientX?: number; clientY?: number },
  origin: Point,
): Point {
  if (typeof touch.x === 'number' && typeof touch.y === 'number') return { x: touch.x, y: touch.y };
  return { x: (touch.clientX ?? 0) - origin.x, y: (touch.clientY ?? 0) - origin.y };
}

/**
 * The resident signs on the assistant's phone. Drawn with the canvas-context API, which works in the
 * weapp build and in H5 alike (Taro.createCanvasContext / canvasToTempFilePath).
 */
export function SignaturePad({ canvasId, onSigned }: SignaturePadProps) {
  const ctx = useRef<Taro.CanvasContext | null>(null);
  const origin = useRef<Point>({ x: 0, y: 0 });
  const last = useRef<Point | null>(null);
  const [drawn, setDrawn] = useState(false);

  /** Where the canvas is on screen (H5 touches come in page coordinates). */
  const measure = useCallback(() => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .boundingClientRect((rect) => {
        const r = Array.isArray(rect) ? rect[0] : rect;
        if (r) origin.current = { x: r.left, y: r.top };
      })
      .exec();
  }, [canvasId]);

  useEffect(() => {
    ctx.current = null;
    measure();
  }, [canvasId, measure]);

  /**
   * The drawing context, made at the first touch (the canvas exists by then). In H5 the canvas's own
   * pixel size is first matched to its displayed size, or strokes would land scaled.
   */
  const context = (): Taro.CanvasContext => {
    if (process.env.TARO_ENV === 'h5' && !drawn) {
      const el = document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${canvasId}"]`);
      if (
        el &&
        el.clientWidth > 0 &&
        (el.width !== el.clientWidth || el.height !== el.clientHeight)
      ) {
        el.width = el.clientWidth;
        el.height = el.clientHeight;
        ctx.current = null;
      }
    }
    ctx.current ??= Taro.createCanvasContext(canvasId);
    return ctx.current;
  };

  const start = (e: {
    touches: { x?: number; y?: number; clientX?: number; clientY?: number }[];
  }) => {
    measure();
    context();
    last.current = pointOf(e.touches[0], origin.current);
  };
  const move = (e: {
    touches: { x?: number; y?: number; clientX?: number; clientY?: number }[];
  }) => {
    const c = ctx.current;
    const from = last.current;
    if (!c || !from || !e.touches[0]) return;
    const to = pointOf(e.touches[0], origin.current);
    c.setStrokeStyle('#1f2329');
    c.setLineWidth(3);
    c.setLineCap('round');
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    c.draw(true);
    last.current = to;
    if (!drawn) setDrawn(true);
  };
  const end = () => {
    last.current = null;
  };

  const clear = () => {
    const c = ctx.current;
    if (!c) return;
    c.clearRect(0, 0, 2000, 2000);
    c.draw(false);
    setDrawn(false);
    onSigned(null);
  };

  const confirm = async () => {
    try {
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvasId, fileType: 'png' });
      onSigned(tempFilePath);
    } catch {
      void Taro.showToast({ title: '签名保存失败，请重签', icon: 'none' });
    }
  };

  return (
    <View className="signature-pad">
      <Text className="muted">请住户在框内签名</Text>
      <Canvas
        canvasId={canvasId}
        id={canvasId}
        className="signature-pad__canvas"
        disableScroll
        onTouchStart={start}
        onTouchMove={move}
        onTouchEnd={end}
      />
      <View className="signature-pad__buttons">
        <Button size="small" onClick={clear}>
          重签
        </Button>
        <Button size="small" type="primary" disabled={!drawn} onClick={() => void confirm()}>
          确认签名
        </Button>
      </View>
    </View>
  );
}
