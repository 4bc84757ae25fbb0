const preset = require('../../config/jest/preset');

module.exports = {
  ...preset,
  displayName: 'wechat-local',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
