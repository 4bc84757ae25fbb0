const path = require('node:path');
const preset = require('../../config/jest/preset');

module.exports = {
  ...preset,
  displayName: 'server',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@linli/wechat-local$': path.resolve(__dirname, '../../packages/wechat-local/src/index.ts'),
  },
  // Each test file boots the server on a fresh database (MariaDB included), which takes a few seconds.
  testTimeout: 30000,
};
