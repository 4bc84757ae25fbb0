export * from './dist/chat/index';
