// Lint for the whole monorepo (flat config). Run from the repo root: `pnpm lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Server code that is a script rather than a service: seed data, frozen migrations; and tests.
const SERVER_SCRIPTS = ['**/seed/**', '**/database/migrations/**', '**/*.spec.ts'];
const NO_DS_GET_REPOSITORY = {
  selector:
    "CallExpression[callee.property.name='getRepository']:matches([callee.object.name=/^(ds|dataSource)$/], [callee.object.property.name=/^(ds|dataSource)$/])",
  message:
    "inject the repository (@InjectRepository(X), listed in the module's TypeOrmModule.forFeature); a DataSource is for infrastructure only",
};
const NO_DS_TRANSACTION = {
  selector:
    "MemberExpression[property.name=/^(transaction|manager)$/]:matches([object.name=/^(ds|dataSource)$/], [object.object.type='ThisExpression'][object.property.name=/^(ds|dataSource)$/])",
  message:
    'a transaction is UnitOfWork.run((db) => ...) and uses only its `db`; outside one, use the injected repositories (@InjectRepository, with insertInto(repo, rows) for raw inserts); a DataSource is for infrastructure only',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.temp/**',
      // Jest's coverage reports (not the mini-program's 回访抽查 page, subpackages/feedback/coverage).
      'coverage/**',
      'apps/*/coverage/**',
      'packages/*/coverage/**',
      'apps/miniapp/e2e/screenshots/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      // `any` at a boundary hides contract drift between server and mini-program.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The domain is pure: time is a parameter, configuration is passed in, nothing touches the world.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain rules take `now` as a parameter: no new Date() without an argument',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain rules take `now` as a parameter: no Date.now()',
        },
        {
          selector: "MemberExpression[object.name='process']",
          message: 'domain rules take their settings as parameters: no process.*',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'domain rules take a random source as a parameter: no Math.random()',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'https',
                'crypto',
                'typeorm',
                'mysql2*',
                '@nestjs/*',
                '@tarojs/*',
                'react',
              ],
              message: 'packages/domain imports nothing impure',
            },
          ],
        },
      ],
    },
  },
  {
    // The mini-program talks to the server over HTTP only: it shares contracts and domain, never server code.
    files: ['apps/miniapp/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/apps/server/**',
                '@linli/server',
                '@linli/server/*',
                'typeorm',
                '@nestjs/*',
                'mysql2*',
              ],
              message: 'the mini-program imports no server code',
            },
          ],
        },
      ],
    },
  },
  {
    // Files stay small enough to read (issue #17): 400 lines for source, 600 for tests; migrations are frozen history.
    files: ['apps/*/src/**/*.{ts,tsx}', 'apps/server/bench/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['**/database/migrations/**'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e.ts', '**/test/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 600 }] },
  },
  {
    // No service has more than 8 collaborators (issue #17): a constructor's parameters count, so a ninth
    // dependency means the class does two things and is split into use cases.
    files: ['apps/server/src/**/*.ts', 'packages/*/src/**/*.ts'],
    rules: { 'max-params': ['error', 8] },
  },
  {
    // Data access (README, Layout; issue #17): a service injects its repositories with @InjectRepository;
    // a DataSource is for infrastructure (unit of work, dialect, raw SQL), so `ds.getRepository(X)` is refused.
    // A transaction's EntityManager (`db.getRepository`) is fine. Seed data and migrations are scripts.
    files: ['apps/server/src/**/*.ts'],
    ignores: SERVER_SCRIPTS,
    rules: { 'no-restricted-syntax': ['error', NO_DS_GET_REPOSITORY] },
  },
  {
    // ...and a service opens no transaction of its own (`ds.transaction`) nor writes through the
    // DataSource's manager (`ds.manager`): UnitOfWork.run does transactions (on SQLite it queues them).
    // Only these infrastructure files hold one: the unit of work itself, and claims that need an
    // isolation level (outbox, chat inbox, chat push).
    files: ['apps/server/src/**/*.ts'],
    ignores: [
      ...SERVER_SCRIPTS,
      'apps/server/src/database/unit-of-work.ts',
      'apps/server/src/modules/outbox/outbox-worker.service.ts',
      'apps/server/src/modules/wechat/chat-inbox.worker.ts',
      'apps/server/src/modules/wechat/chat-push.service.ts',
    ],
    rules: {
      // Repeats the rule above: a later block's no-restricted-syntax replaces an earlier one's.
      'no-restricted-syntax': ['error', NO_DS_GET_REPOSITORY, NO_DS_TRANSACTION],
    },
  },
  {
    // ...and holds no DataSource at all: a module's code reaches the database through its repositories and
    // the unit of work. These need the dialect, an isolation level or raw SQL; the dashboard reads the replica.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: [
      ...SERVER_SCRIPTS,
      'apps/server/src/modules/dashboard/**',
      'apps/server/src/modules/health/health.service.ts',
      'apps/server/src/modules/outbox/outbox-worker.service.ts',
      'apps/server/src/modules/rate-limits/database-throttler.storage.ts',
      'apps/server/src/modules/tickets/ticket-numbering.ts',
      'apps/server/src/modules/wechat/chat-inbox.worker.ts',
      'apps/server/src/modules/wechat/chat-push.service.ts',
    ],
    rules: {
      // Repeats the two rules above: a later block's no-restricted-syntax replaces an earlier one's.
      'no-restricted-syntax': [
        'error',
        NO_DS_GET_REPOSITORY,
        NO_DS_TRANSACTION,
        {
          selector:
            "TSParameterProperty Identifier[typeAnnotation.typeAnnotation.typeName.name='DataSource']",
          message:
            'a service holds no DataSource: inject its repositories (@InjectRepository) and UnitOfWork for transactions',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e.ts', '**/test/**/*.ts'],
    rules: {
      // Tests poke at raw HTTP bodies; they assert on shapes instead of typing them.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
