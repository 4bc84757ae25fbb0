export * from './dist/surveys/index';
