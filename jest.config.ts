/** @jest-config-loader ts-node */
// One Jest run over every project of the monorepo; each project keeps its own config beside its code.
// `pnpm test` runs all of them on SQLite (and the browser test); `pnpm test:mysql` runs the
// database-backed projects against MariaDB (see config/scripts/test.mjs).
import type { Config } from 'jest';

const config: Config = {
  // testTimeout is read from the root config only when several projects run together, so the server
  // project's 30 s (each test file boots the server on a fresh database) is set here for the whole run.
  testTimeout: 30_000,
  projects: [
    '<rootDir>/packages/domain/jest.config.js',
    '<rootDir>/packages/contracts/jest.config.js',
    '<rootDir>/packages/wechat-local/jest.config.js',
    '<rootDir>/apps/server/jest.config.js',
    '<rootDir>/apps/miniapp/jest.config.js',
  ],
};

export default config;
