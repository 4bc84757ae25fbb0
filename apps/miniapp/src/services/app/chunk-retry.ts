import Taro from '@tarojs/taro';
import { isChunkLoadFailure, routeOf } from './chunk-failure';
import { HOME_PAGE, ME_PAGE, TICKETS_PAGE } from './routes';

const TABS = [HOME_PAGE, TICKETS_PAGE, ME_PAGE];

/**
 * H5: when a page's code cannot be loaded (offline, a dropped connection), say so and offer to try again,
 * instead of the tap silently doing nothing. The address bar already shows the new page, so it is put back
 * first; 重试 opens the page again, which loads its code anew.
 */
export function installChunkRetry(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
  let open = false;
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadFailure(event.reason) || open) return;
    event.preventDefault();
    const target = routeOf(window.location);
    window.history.back();
    open = true;
    void Taro.showModal({
      title: '网络连接失败',
      content: '页面没有打开，请检查网络后重试',
      confirmText: '重试',
      cancelText: '取消',
    }).then(({ confirm }) => {
      open = false;
      if (!confirm) return;
      if (TABS.includes(target.split('?')[0])) void Taro.switchTab({ url: target.split('?')[0] });
      else void Taro.navigateTo({ url: target });
    });
  });
}
