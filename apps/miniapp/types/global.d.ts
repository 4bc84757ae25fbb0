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

/** qrcode's core (no canvas, no Node): the module matrix of a QR code, drawn by components/qr-code.tsx. */
declare module 'qrcode/lib/core/qrcode' {
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array } };
}
