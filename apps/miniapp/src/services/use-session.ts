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
    // Keep the same object while the same person is signed in, so lists do not reload twice.
    setUser((previous) => (previous && current && previous.id === current.id ? previous : current));
    if (!current) void Taro.reLaunch({ url: LOGIN_PAGE });
  });
  return user;
}
