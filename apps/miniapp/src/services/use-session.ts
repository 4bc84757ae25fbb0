import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { UserProfileDto } from '@linli/contracts';
import { LOGIN_PAGE } from './routes';
import { session } from './session';

/** The signed-in user; sends the visitor to login when there is no valid session. */
export function useRequiredUser(): UserProfileDto | null {
  const [user, setUser] = useState<UserProfileDto | null>(() => session.user());
  useDidShow(() => {
    const current = session.user();
    setUser(current);
    if (!current) void Taro.reLaunch({ url: LOGIN_PAGE });
  });
  return user;
}
