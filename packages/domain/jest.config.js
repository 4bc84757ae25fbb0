const preset = require('../../config/jest/preset');

module.exports = {
  ...preset,
  displayName: 'domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
