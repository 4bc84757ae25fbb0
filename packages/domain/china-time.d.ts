export * from './dist/time/china-time';
