import Taro from '@tarojs/taro';
import type { SessionDto, UserProfileDto } from '@linli/contracts';

const KEY = 'linli.session';

/** The signed-in user's session, kept in the mini-program's storage. */
export const session = {
  get(): SessionDto | null {
    const value: unknown = Taro.getStorageSync(KEY);
    if (!value || typeof value !== 'object') return null;
    const s = value as SessionDto;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  },
  token(): string | null {
    return this.get()?.token ?? null;
  },
  user(): UserProfileDto | null {
    return this.get()?.user ?? null;
  },
  save(value: SessionDto): void {
    Taro.setStorageSync(KEY, value);
  },
  clear(): void {
    Taro.removeStorageSync(KEY);
  },
};
