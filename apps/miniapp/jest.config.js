const preset = require('../../config/jest/preset');

// The mini-program's own tests: unit specs beside the code, and the browser test of the H5 build (e2e/),
// which starts the built server on a fresh SQLite file and drives Debian's Chromium through playwright-core.
module.exports = {
  ...preset,
  displayName: 'miniapp',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e.ts'],
};
