import { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './nutui-styles';
import { installChunkRetry } from './services/app/chunk-retry';
import { setUnauthenticatedHandler } from './services/request/http';
import { LOGIN_PAGE } from './services/app/routes';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // An expired or revoked session sends the user back to login, wherever they were.
    setUnauthenticatedHandler(() => void Taro.reLaunch({ url: LOGIN_PAGE }));
    installChunkRetry();
  });
  return children;
}

export default App;
