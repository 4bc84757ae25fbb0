import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ErrorCode, ReleaseSlipDto } from '@linli/contracts';
import { SlipDetails } from '../../../components/slip-card';
import { api } from '../../../services/api/api';
import { ApiRequestError } from '../../../services/request/http';
import { useTask } from '../../../services/request/use-action';
import './index.scss';

type Outcome =
  | { kind: 'pass'; slip: ReleaseSlipDto }
  | { kind: 'used'; message: string; slip: ReleaseSlipDto | null }
  | { kind: 'invalid'; message: string; slip: ReleaseSlipDto | null };

const VERDICT = { pass: '放行', used: '已使用', invalid: '无效' } as const;

/**
 * 核验放行条 (the gate guard): type the code from the resident's slip, or scan its QR code in WeChat.
 * A valid slip says 放行 in large letters and is used up at once; one already used says 已使用 with
 * who let it out and when; anything else (unknown, withdrawn, expired, not yet its date) says 无效 and why.
 */
/** What a refusal of the slip says on the page (已使用, 无效); null for any other failure. */
function refusal(err: unknown): Outcome | null {
  if (!(err instanceof ApiRequestError)) return null;
  const slip = err.error.releaseSlip ?? null;
  if (err.code === ErrorCode.RELEASE_SLIP_USED) return { kind: 'used', message: err.message, slip };
  const invalid = [
    ErrorCode.RELEASE_SLIP_INVALID,
    ErrorCode.RELEASE_SLIP_EXPIRED,
    ErrorCode.RELEASE_SLIP_NOT_YET_VALID,
    ErrorCode.VALIDATION_FAILED,
  ].includes(err.code);
  return invalid ? { kind: 'invalid', message: err.message, slip } : null;
}

export default function GateVerifyPage() {
  const [code, setCode] = useState('');
  const task = useTask();
  const busy = task.running;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const check = async (typed: string) => {
    if (!typed.trim()) return void Taro.showToast({ title: '请输入放行码', icon: 'none' });
    setOutcome(null);
    await task.run(async () => {
      try {
        const { slip } = await api.verifySlip({ code: typed.trim() });
        setOutcome({ kind: 'pass', slip });
      } catch (err) {
        // A refused slip is the answer, shown large on the page; any other failure is the toast.
        const refused = refusal(err);
        if (!refused) throw err;
        setOutcome(refused);
      }
    });
  };
  // WeChat: the camera reads the QR code on the resident's phone. (H5 has no scanner: type the code.)
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(result);
      await check(result);
    } catch {
      // cancelled
    }
  };
  return (
    <View className="page gate">
      <View className="card">
        <Text className="section-title">输入放行码</Text>
        <Input
          className="gate__input"
          value={code}
          onChange={(v) => setCode(v.toUpperCase())}
          placeholder="8 位放行码"
          maxLength={9}
        />
        <Button type="primary" size="large" block loading={busy} onClick={() => void check(code)}>
          核验
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button size="large" block onClick={() => void scan()}>
            扫码核验
          </Button>
        ) : null}
      </View>
      {outcome ? (
        <View className={`card gate__result gate__result--${outcome.kind}`}>
          <Text className="gate__verdict">{VERDICT[outcome.kind]}</Text>
          {outcome.kind !== 'pass' ? (
            <Text className="gate__message">{outcome.message}</Text>
          ) : (
            <Text className="gate__message">放行条已核销，不能再次使用</Text>
          )}
          {outcome.slip ? <SlipDetails slip={outcome.slip} /> : null}
        </View>
      ) : null}
    </View>
  );
}
