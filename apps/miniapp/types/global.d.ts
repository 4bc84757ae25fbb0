/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** The mini-program's AppID for the weapp build (the test AppID otherwise). */
    TARO_APP_ID: string;
    /** API origin: '' for H5 (same origin), http://localhost:3000 by default for weapp. */
    TARO_APP_API_BASE: string;
  }
}
