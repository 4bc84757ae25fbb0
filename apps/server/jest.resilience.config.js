const base = require('./jest.config');

/**
 * `pnpm test:resilience` (config/scripts/test.mjs --resilience): the fault tests of issue #16 against
 * MariaDB with the built server as child processes: kill, database outage, graceful shutdown, every
 * scheduled job on two instances, the read replica. Shortened (bounded counts and times, loopback only);
 * not part of `pnpm test` / `pnpm test:mysql`.
 */
module.exports = {
  ...base,
  displayName: 'resilience',
  testMatch: ['<rootDir>/test/resilience/**/*.spec.ts'],
  testPathIgnorePatterns: [],
  testTimeout: 180000,
};
