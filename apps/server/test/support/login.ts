import { ApiRoutes, DemoPersona, SessionDto } from '@linli/contracts';
import { TestApp } from './test-app';

/** Signs in a demo persona through POST /api/auth/demo-login (demo mode). */
export async function loginPersona(t: TestApp, persona: DemoPersona): Promise<SessionDto> {
  const res = await t.http().post(ApiRoutes.demoLogin).send({ persona });
  if (res.status !== 200)
    throw new Error(`demo login as ${persona} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionDto;
}

/** Signs in any user with an openid through the real WeChat login path, the code minted by the local WeChat server. */
export async function loginOpenid(t: TestApp, openid: string): Promise<SessionDto> {
  const local = t.wechat.local;
  if (!local) throw new Error('loginOpenid needs demo mode (the in-process WeChat server)');
  const res = await t
    .http()
    .post(ApiRoutes.wechatLogin)
    .send({ code: local.mintCode(openid) });
  if (res.status !== 200)
    throw new Error(`login as ${openid} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionDto;
}

export const bearer = (session: SessionDto | string) => ({
  Authorization: `Bearer ${typeof session === 'string' ? session : session.token}`,
});
