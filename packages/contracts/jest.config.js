const preset = require('../../config/jest/preset');

module.exports = {
  ...preset,
  displayName: 'contracts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
