import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ArrowRight, Service } from '@nutui/icons-react-taro';
import { useEffect, useState } from 'react';
import { api } from '../services/api/api';
import { demoChatPage } from '../services/app/routes';
import './contact-button.scss';

let demoMode: Promise<boolean> | null = null;
const isDemo = () =>
  (demoMode ??= api.meta().then(
    (m) => m.demoMode,
    () => false,
  ));

interface Props {
  /** WeChat's session-from: where the chat was opened from (`me`, `ticket:<code>`), pushed with the "entered" event. */
  sessionFrom: string;
  /** A short hint on the right. */
  hint?: string;
}

/**
 * 联系客服: in WeChat, the mini-program's customer-service chat (`open-type="contact"`); on H5 in demo mode, the
 * simulated chat window that goes through the local WeChat server. Not drawn on H5 outside demo mode (no chat there).
 */
export function ContactButton({ sessionFrom, hint = '在微信里问物业' }: Props) {
  const weapp = process.env.TARO_ENV === 'weapp';
  const [shown, setShown] = useState(weapp);
  useEffect(() => {
    if (!weapp) void isDemo().then(setShown);
  }, [weapp]);
  if (!shown) return null;
  const row = (
    <View className="contact-button__row">
      <View className="contact-button__icon">
        <Service size={16} color="#fff" />
      </View>
      <Text className="contact-button__name">联系客服</Text>
      <Text className="contact-button__hint">{hint}</Text>
      <ArrowRight size={12} color="#b8bcc4" />
    </View>
  );
  if (weapp)
    return (
      <Button className="contact-button" openType="contact" sessionFrom={sessionFrom}>
        {row}
      </Button>
    );
  return (
    <View
      className="contact-button"
      onClick={() => void Taro.navigateTo({ url: demoChatPage(sessionFrom) })}
    >
      {row}
    </View>
  );
}
