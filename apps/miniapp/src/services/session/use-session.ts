import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { Role, type UserProfileDto } from '@linli/contracts';
import { api } from '../api/api';
import { LOGIN_PAGE } from '../app/routes';
import { session } from './session';

/**
 * The signed-in user; sends the visitor to login when there is no valid session. With `refresh`, the
 * profile is fetched again on every showing: a resident's room changes when someone else approves
 * their join request, or when they switch rooms.
 */
export function useRequiredUser(options: { refresh?: boolean } = {}): UserProfileDto | null {
  const [user, setUser] = useState<UserProfileDto | null>(() => session.user());
  useDidShow(() => {
    const current = session.user();
    // Keep the same object while the same person is signed in, so lists do not reload twice.
    setUser((previous) => (previous && current && previous.id === current.id ? previous : current));
    if (!current) return void Taro.reLaunch({ url: LOGIN_PAGE });
    if (options.refresh && current.role === Role.Resident) {
      api.me().then(
        (fresh) => {
          const saved = session.get();
          if (
            !saved ||
            saved.user.id !== fresh.id ||
            saved.user.household?.id === fresh.household?.id
          )
            return;
          session.save({ ...saved, user: fresh });
          setUser(fresh);
        },
        () => undefined,
      );
    }
  });
  return user;
}
