import { URL, fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The layering rule, top to bottom: a folder may import the folders of the layers below it, never
 * one of its own layer or above it. The modules directly in shared/ (config, errors, log, routes,
 * stream-filter) sit below every layer.
 */
const layers = [
  ['functions'],
  ['shared/scim', 'shared/admin-api', 'shared/console'],
  ['shared/http'],
  ['shared/people'],
  ['shared/auth', 'shared/profile', 'shared/mail'],
  ['shared/store'],
  ['shared/*.ts'],
];

/** What a folder may still import from above it: shared/store stores a member's field ownership with its type. */
const allowedUpward = { 'shared/store': { 'shared/profile': ['./field-ownership.ts'] } };

const layerZones = layers.flatMap((layer, index) =>
  layer.flatMap((target) =>
    [...layers.slice(0, index).flat(), ...layer]
      .filter((folder) => folder !== target)
      .map((folder) => ({
        target: `./${target}`,
        from: `./${folder}`,
        except: allowedUpward[target]?.[folder] ?? [],
        message: `${folder} is not below ${target} in the layering (eslint.config.js).`,
      })),
  ),
);

const storeZones = [
  { target: './functions', from: './shared/store', message: 'Handlers call the domain, never the store.' },
  {
    target: layers.flat().filter((folder) => folder !== 'shared/store').map((folder) => `./${folder}`),
    from: ['./shared/store/table.ts', './shared/store/entity.ts', './shared/store/key-template.ts', './shared/store/entities'],
    message: 'Only shared/store builds keys and knows the table layout.',
  },
];

/**
 * What the functions bundle must not import: zod's classic API (~80 KB in every bundle, whatever
 * it uses) and zod/mini without the English messages; they use shared/zod.ts.
 */
const ZOD_ENTRIES = ['zod', 'zod/mini', 'zod/v4', 'zod/v4/mini', 'zod/v4-mini'];
const zodRestriction = ZOD_ENTRIES.map((name) => ({ name, message: 'The functions import zod through shared/zod.ts (zod/mini with English messages).' }));

const DYNAMODB_SDK = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb', '@aws-sdk/client-dynamodb-streams'];
const SES_SDK = ['@aws-sdk/client-ses'];
const restrictedImports = (names, owner) => names.map((name) => ({ name, message: `Only ${owner} imports ${name}.` }));
const dynamoRestriction = restrictedImports(DYNAMODB_SDK, 'shared/store (and the local DynamoDB harnesses)');
const sesRestriction = restrictedImports(SES_SDK, 'shared/mail');

/**
 * Who may import the DynamoDB SDK besides shared/store: the code that starts and prepares DynamoDB
 * Local (infra/local, test/support) and the benchmark, which measures Roster against raw SDK calls.
 */
const DYNAMODB_HARNESSES = ['infra/local/**', 'test/support/**', 'test/bench/**'];

export default defineConfig(
  { ignores: ['node_modules/', 'cdk.out/', '.local/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}tsconfig.json` })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...storeZones] }],
      'no-restricted-imports': ['error', { paths: [...dynamoRestriction, ...sesRestriction] }],
      // Unused bindings named with a leading underscore are deliberate (e.g. a destructured field left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // A second rule, so that the SDK restrictions below (which replace each other) leave it alone.
    files: ['shared/**', 'functions/**'],
    ignores: ['shared/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: zodRestriction }] },
  },
  {
    // Test clients read whatever JSON a response holds; their assertions say what it must be.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/store/**', ...DYNAMODB_HARNESSES],
    rules: { 'no-restricted-imports': ['error', { paths: sesRestriction }] },
  },
  {
    files: ['shared/mail/**'],
    rules: { 'no-restricted-imports': ['error', { paths: dynamoRestriction }] },
  },
);
