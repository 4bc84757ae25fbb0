import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AppMetaDto, DEMO_PERSONA_LABELS, DemoPersona, SessionDto } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { demoPersona } from '../../../services/api/chat-api';
import { attempt } from '../../../services/request/result';
import { HOME_PAGE } from '../../../services/app/routes';
import { session } from '../../../services/session/session';
import { useTask } from '../../../services/request/use-action';
import './index.scss';

const PERSONAS = [
  DemoPersona.Resident,
  DemoPersona.Assistant,
  DemoPersona.Supervisor,
  DemoPersona.DepartmentHead,
  DemoPersona.Newcomer,
  DemoPersona.Admin,
  DemoPersona.Guard,
];

/**
 * WeChat login (Taro.login → code → server's jscode2session). Without a configured AppID the server runs
 * in demo mode and this page offers the demo personas instead.
 */
export default function LoginPage() {
  const [meta, setMeta] = useState<AppMetaDto | null>(null);
  const task = useTask();
  const busy = task.running;
  useLoad(() => {
    void attempt(async () => setMeta(await api.meta()));
  });

  const enter = async (login: () => Promise<SessionDto>) => {
    await task.run(async () => {
      session.save(await login());
      await Taro.reLaunch({ url: HOME_PAGE });
    });
  };
  /** The persona is remembered for the demo chat window, which writes to WeChat as this person. */
  const demoLogin = async (persona: DemoPersona) => {
    const signedIn = await api.demoLogin({ persona });
    demoPersona.save(persona);
    return signedIn;
  };
  const wechatLogin = () =>
    enter(async () => {
      const { code } = await Taro.login();
      return api.wechatLogin({ code });
    });

  return (
    <View className="page login">
      <View className="login__brand">
        <Text className="login__title">邻里</Text>
        <Text className="muted">物业服务，一键直达</Text>
      </View>
      {meta?.demoMode ? (
        <View>
          <Text className="section-title">选择演示身份</Text>
          {PERSONAS.map((p) => (
            <View
              key={p}
              className="card login__persona"
              onClick={() => void enter(() => demoLogin(p))}
            >
              <Text className="login__persona-title">{DEMO_PERSONA_LABELS[p].title}</Text>
              <Text className="muted">{DEMO_PERSONA_LABELS[p].subtitle}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Button
          type="primary"
          block
          loading={busy}
          disabled={!meta}
          onClick={() => void wechatLogin()}
        >
          微信一键登录
        </Button>
      )}
      {meta ? <Text className="muted login__hotline">物业服务热线 {meta.hotline}</Text> : null}
    </View>
  );
}
