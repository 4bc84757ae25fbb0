const path = require('node:path');
const preset = require('../../config/jest/preset');

module.exports = {
  ...preset,
  displayName: 'server',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // The fault tests run on their own: `pnpm test:resilience` (jest.resilience.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/resilience/'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@linli/wechat-local$': path.resolve(__dirname, '../../packages/wechat-local/src/index.ts'),
  },
  // Each test file boots the server on a fresh database (MariaDB included), which takes a few seconds.
  testTimeout: 30000,
};
