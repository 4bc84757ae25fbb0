/**
 * Shared Jest settings for every project of the monorepo. TypeScript (and ESM-only packages in
 * node_modules) are compiled to CommonJS by SWC; decorators keep their design-time metadata for NestJS.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const swcTs = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic' },
    },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const swcJs = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs' },
};

/** Packages published as pure ESM that Jest's CommonJS runtime must have compiled. */
const ESM_PACKAGES = ['@nestjs/'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': [path.join(__dirname, 'swc-transformer.js'), swcTs],
    '^.+\\.m?js$': [path.join(__dirname, 'swc-transformer.js'), swcJs],
  },
  transformIgnorePatterns: [
    `/node_modules/(?!\\.pnpm/|${ESM_PACKAGES.map((p) => p.replace('/', '\\/')).join('|')})`,
  ],
  moduleNameMapper: {
    '^@linli/contracts$': path.join(root, 'packages/contracts/src/index.ts'),
    '^@linli/domain$': path.join(root, 'packages/domain/src/index.ts'),
    '^@linli/domain/surveys$': path.join(root, 'packages/domain/src/surveys/index.ts'),
    '^@linli/domain/china-time$': path.join(root, 'packages/domain/src/time/china-time.ts'),
    '^@linli/domain/outages$': path.join(root, 'packages/domain/src/outages/outage-rules.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
